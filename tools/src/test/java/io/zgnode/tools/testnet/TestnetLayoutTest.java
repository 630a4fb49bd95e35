package io.zgnode.tools.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.tools.CliException;
import io.zgnode.tools.home.Ports;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestnetLayoutTest {
  @Test
  void nodeIUsesEachDefaultPortPlus100TimesI() {
    TestnetLayout l = new TestnetLayout(4, 0);
    assertEquals(Ports.DEFAULTS, l.ports(0));
    assertEquals(new Ports(26757, 26756, 26758, 8645, 8646), l.ports(1));
    assertEquals(new Ports(26957, 26956, 26958, 8845, 8846), l.ports(3));
    assertEquals(26661, l.prometheusPort(0));
    assertEquals(26961, l.prometheusPort(3));
    assertEquals("node3", l.moniker(3));
    assertEquals("node3", l.homeName(3));
  }

  @Test
  void anOffsetMovesEveryPortOfEveryNode() {
    TestnetLayout l = new TestnetLayout(4, 10_000);
    assertEquals(new Ports(36657, 36656, 36658, 18545, 18546), l.ports(0));
    assertEquals(new Ports(36957, 36956, 36958, 18845, 18846), l.ports(3));
    assertEquals(36961, l.prometheusPort(3));
  }

  @Test
  void noTwoNodesShareAPort() {
    TestnetLayout l = new TestnetLayout(TestnetLayout.MAX_VALIDATORS, 0);
    java.util.Set<Integer> seen = new java.util.TreeSet<>();
    for (int i = 0; i < l.validators(); i++) {
      Ports p = l.ports(i);
      for (int port : new int[] {p.rpc(), p.p2p(), p.abci(), p.jsonRpc(), p.ws()}) {
        assertTrue(seen.add(port), "port " + port + " of node " + i + " is used twice");
      }
      assertTrue(seen.add(l.prometheusPort(i)));
    }
  }

  @Test
  void refusesBadSizesAndOffsets() {
    CliException e = assertThrows(CliException.class, () -> new TestnetLayout(0, 0));
    assertEquals("--validators must be between 1 and 64, got 0", e.getMessage());
    assertThrows(CliException.class, () -> new TestnetLayout(65, 0));
    e = assertThrows(CliException.class, () -> new TestnetLayout(4, 40_000));
    assertTrue(e.getMessage().contains("must stay within 1024..65535"), e.getMessage());
    assertThrows(CliException.class, () -> new TestnetLayout(4, -8000));
    assertThrows(IllegalArgumentException.class, () -> new TestnetLayout(4, 0).ports(4));
  }

  @Test
  void persistentPeersAreTheOtherNodesOnLoopbackInNodeOrder() {
    TestnetLayout l = new TestnetLayout(3, 1000);
    List<String> ids = List.of("aa", "bb", "cc");
    assertEquals(
        "bb@127.0.0.1:27756,cc@127.0.0.1:27856", TestnetInitializer.persistentPeers(l, 0, ids));
    assertEquals(
        "aa@127.0.0.1:27656,cc@127.0.0.1:27856", TestnetInitializer.persistentPeers(l, 1, ids));
    assertEquals("", TestnetInitializer.persistentPeers(new TestnetLayout(1, 0), 0, ids));
  }
}
