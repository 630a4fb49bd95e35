package io.zgnode.tools.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.tools.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
  @Test
  void writesAndReadsBack(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("app.toml");
    AppConfig c = new AppConfig(AbciTransport.GRPC, ListenAddress.loopback(4242), 36767);
    c.write(f);
    assertEquals(c, AppConfig.read(f));
    assertTrue(Files.readString(f).startsWith("# zgnode application settings."));
  }

  @Test
  void rewritingKeepsSectionsItDoesNotKnow(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("app.toml");
    new AppConfig(AbciTransport.SOCKET, ListenAddress.loopback(26658), 7).write(f);
    Files.writeString(
        f,
        "\n[json-rpc]\n# later\naddress = \"127.0.0.1:8545\"\n",
        java.nio.file.StandardOpenOption.APPEND);
    AppConfig.read(f).withTransport(AbciTransport.GRPC).write(f);
    String text = Files.readString(f);
    assertTrue(text.contains("[json-rpc]\n# later\naddress = \"127.0.0.1:8545\"\n"), text);
    assertEquals(AbciTransport.GRPC, AppConfig.read(f).transport());
  }

  @Test
  void badValuesNameTheFile(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("app.toml");
    Files.writeString(f, "[abci]\ntransport = \"carrier-pigeon\"\n[evm]\nchain_id = 1\n");
    CliException e = assertThrows(CliException.class, () -> AppConfig.read(f));
    assertEquals(
        f + ": unknown ABCI transport 'carrier-pigeon' (expected grpc or socket)", e.getMessage());
    Files.writeString(f, "[abci]\ntransport = \"grpc\"\n");
    e = assertThrows(CliException.class, () -> AppConfig.read(f));
    assertTrue(e.getMessage().contains("chain_id is missing"), e.getMessage());
    Files.writeString(f, "[evm]\nchain_id = \"x\"\n");
    e = assertThrows(CliException.class, () -> AppConfig.read(f));
    assertTrue(e.getMessage().contains("must be an integer"), e.getMessage());
  }

  @Test
  void listenAddressParsing() {
    assertEquals(new ListenAddress("127.0.0.1", 1), ListenAddress.parse("tcp://127.0.0.1:1"));
    assertEquals(new ListenAddress("::1", 2), ListenAddress.parse("[::1]:2"));
    assertEquals("[::1]:2", new ListenAddress("::1", 2).toString());
    assertThrows(CliException.class, () -> ListenAddress.parse("127.0.0.1"));
    assertThrows(CliException.class, () -> ListenAddress.parse("127.0.0.1:70000"));
    assertThrows(CliException.class, () -> ListenAddress.parse("::1:5"));
    assertThrows(CliException.class, () -> new Ports(1, 1, 2));
  }
}
