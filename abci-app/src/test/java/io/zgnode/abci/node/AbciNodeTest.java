package io.zgnode.abci.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.abci.node.AbciNode.Transport;
import io.zgnode.abci.transport.FatalErrorHandler;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbciNodeTest {

  private static final FatalErrorHandler FAIL_TEST =
      (method, cause) -> {
        throw new AssertionError("unexpected fatal error in " + method, cause);
      };

  @Test
  void parsesCometBftTransportNames() {
    assertEquals(Transport.GRPC, Transport.parse("grpc"));
    assertEquals(Transport.SOCKET, Transport.parse(" Socket "));
    assertEquals("grpc", Transport.GRPC.configName());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Transport.parse("tcp"));
    assertEquals("unknown ABCI transport 'tcp': expected \"grpc\" or \"socket\"", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Transport.parse(null));
  }

  @Test
  void startsEachTransportOnAnEphemeralPort() throws Exception {
    for (Transport transport : Transport.values()) {
      AbciNode node =
          AbciNode.start(new CounterApplication(), transport, "127.0.0.1", 0, FAIL_TEST);
      try {
        assertEquals(transport, node.transport());
        assertTrue(node.port() > 0);
        String expected =
            (transport == Transport.GRPC ? "" : "tcp://") + "127.0.0.1:" + node.port();
        assertEquals(expected, node.proxyAppAddress());
        new Socket("127.0.0.1", node.port()).close();
      } finally {
        node.close();
      }
      assertTimeoutPreemptively(Duration.ofSeconds(30), node::awaitTermination);
      node.close();
    }
  }

  @Test
  void startsOnAUnixSocket(@TempDir Path dir) throws Exception {
    Path socket = dir.resolve("app.sock");
    try (AbciNode node = AbciNode.startUnix(new CounterApplication(), socket, FAIL_TEST)) {
      assertEquals(-1, node.port());
      assertEquals("unix://" + socket.toAbsolutePath(), node.proxyAppAddress());
    }
  }

  @Test
  void rejectsBadArgumentsClearly() throws IOException {
    CounterApplication app = new CounterApplication();
    assertThrows(
        IllegalArgumentException.class,
        () -> AbciNode.start(app, Transport.SOCKET, "127.0.0.1", 70_000, FAIL_TEST));
    assertThrows(
        IllegalArgumentException.class,
        () -> AbciNode.start(app, Transport.SOCKET, " ", 0, FAIL_TEST));
    try (ServerSocket taken = new ServerSocket(0)) {
      for (Transport transport : Transport.values()) {
        IOException e =
            assertThrows(
                IOException.class,
                () -> AbciNode.start(app, transport, "127.0.0.1", taken.getLocalPort(), FAIL_TEST));
        assertTrue(e.getMessage().contains("cannot bind"), e.getMessage());
        assertNotNull(e.getCause(), "the bind failure is kept as the cause");
      }
    }
  }
}
