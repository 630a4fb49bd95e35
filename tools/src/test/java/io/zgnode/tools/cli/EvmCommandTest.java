package io.zgnode.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvmCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path fixture(String rel) {
    String prop = System.getProperty("zgnode.shared");
    Path shared = prop != null ? Path.of(prop) : Path.of("../../shared");
    return shared.resolve("ethereum-tests/GeneralStateTests").resolve(rel);
  }

  @Test
  void statetestPrintsTheCountAndJsonPerVector() throws Exception {
    MainTest.Run r = MainTest.run("evm", "statetest", fixture("stExample").toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(List.of("39 passed, 0 failed"), r.out().lines().toList());

    MainTest.Run j =
        MainTest.run("evm", "statetest", "--json", fixture("stExample/add11.json").toString());
    List<String> lines = j.out().lines().toList();
    assertEquals(2, lines.size(), j.toString());
    JsonNode o = JSON.readTree(lines.get(0));
    assertEquals("Cancun", o.get("fork").asText());
    assertTrue(o.get("pass").asBoolean());
    assertEquals(
        "0xe8010ce590f401c9d61fef8ab05bea9bcec24281b795e5868809bc4e515aa530",
        o.get("stateRoot").asText());
  }

  @Test
  void aWrongExpectationIsOneFailingLine(@TempDir Path dir) throws Exception {
    String text = Files.readString(fixture("stExample/add11.json"));
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        text.replace(
            "0xe8010ce590f401c9d61fef8ab05bea9bcec24281b795e5868809bc4e515aa530",
            "0x1111111111111111111111111111111111111111111111111111111111111111"));
    Files.writeString(dir.resolve("notes.txt"), "not a state test");
    MainTest.Run r = MainTest.run("evm", "statetest", dir.toString());
    assertEquals(1, r.code());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size(), r.toString());
    assertTrue(lines.get(0).startsWith("FAIL bad.json:add11/Cancun/0: state root 0xe801"));
    assertEquals("0 passed, 1 failed", lines.get(1));
  }

  @Test
  void runPrintsOutputGasAndResult() {
    // PUSH1 0x2a PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
    MainTest.Run r = MainTest.run("evm", "run", "--code", "602a60005260206000f3");
    assertEquals(0, r.code(), r.toString());
    assertEquals(
        List.of("output: 0x" + "00".repeat(31) + "2a", "gas used: 18", "result: success"),
        r.out().lines().toList());
    MainTest.Run halt = MainTest.run("evm", "run", "--code", "01");
    assertTrue(halt.out().contains("result: halted: stack underflow"), halt.toString());
  }

  @Test
  void runTracesToStderr() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        io.zgnode.tools.Main.execute(
            new String[] {"evm", "run", "--trace", "--code", "600100"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code);
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains("\"opName\":\"PUSH1\""));
    assertTrue(lines.get(2).startsWith("{\"output\":\"\",\"gasUsed\":\"0x3\""));
  }

  @Test
  void everyEvmVerbAnswersHelp() {
    for (String[] args :
        List.of(
            new String[] {"evm", "--help"},
            new String[] {"evm", "statetest", "--help"},
            new String[] {"evm", "run", "--help"})) {
      MainTest.Run r = MainTest.run(args);
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().startsWith("Usage: zgnode evm"), r.toString());
    }
  }

  @Test
  void badArgumentsAreOneLineErrors() {
    MainTest.Run r = MainTest.run("evm", "run", "--code", "zz");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("error: invalid hex character"), r.toString());
    MainTest.Run f = MainTest.run("evm", "statetest", "--fork", "Frontier", "x.json");
    assertEquals(1, f.code());
    assertTrue(f.err().startsWith("error: unknown or unsupported fork"), f.toString());
  }
}
