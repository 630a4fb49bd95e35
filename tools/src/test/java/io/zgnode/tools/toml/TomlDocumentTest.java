package io.zgnode.tools.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TomlDocumentTest {
  private static final String SAMPLE =
      """
      # A comment at the top
      name = "node-1"  # trailing comment
      count = 1_000
      enabled = true

      [server]
      # where to listen
      laddr = "tcp://0.0.0.0:26657"
      methods = ["HEAD", "GET", "POST", ]
      multi = [
        "a", # first
        "b",
      ]
      literal = 'C:\\path'
      hex = 0xff

      [empty]
      """;

  @Test
  void readsScalarsByTable() {
    TomlDocument doc = TomlDocument.parse(SAMPLE);
    assertEquals(Optional.of("node-1"), doc.getString("", "name"));
    assertEquals(Optional.of(1000L), doc.getLong("", "count"));
    assertEquals(Optional.of(new TomlValue.Bool(true)), doc.get("", "enabled"));
    assertEquals(Optional.of("tcp://0.0.0.0:26657"), doc.getString("server", "laddr"));
    assertEquals(Optional.of("C:\\path"), doc.getString("server", "literal"));
    assertEquals(Optional.of(255L), doc.getLong("server", "hex"));
    assertEquals(
        Optional.of(new TomlValue.Other("[\"HEAD\", \"GET\", \"POST\", ]")),
        doc.get("server", "methods"));
    assertTrue(doc.get("server", "name").isEmpty(), "keys belong to their table");
    assertTrue(doc.get("nosuch", "laddr").isEmpty());
  }

  @Test
  void multiLineArrayIsOneValueAndTheFollowingKeysStillParse() {
    TomlDocument doc = TomlDocument.parse(SAMPLE);
    assertEquals(Optional.of("C:\\path"), doc.getString("server", "literal"));
    String multi = doc.get("server", "multi").orElseThrow().render();
    assertTrue(multi.startsWith("[") && multi.endsWith("]"), multi);
  }

  @Test
  void replacingAValueKeepsEveryOtherByte() {
    TomlDocument doc = TomlDocument.parse(SAMPLE);
    doc.set("server", "laddr", TomlValue.string("tcp://127.0.0.1:1"));
    doc.set("", "name", TomlValue.string("renamed"));
    String expected =
        SAMPLE
            .replace("laddr = \"tcp://0.0.0.0:26657\"", "laddr = \"tcp://127.0.0.1:1\"")
            .replace("name = \"node-1\"  # trailing", "name = \"renamed\"  # trailing");
    assertEquals(expected, doc.render());
  }

  @Test
  void replacingAMultiLineValueCollapsesItToOneLine() {
    TomlDocument doc = TomlDocument.parse(SAMPLE);
    doc.set("server", "multi", new TomlValue.Other("[\"c\"]"));
    assertTrue(doc.render().contains("\nmulti = [\"c\"]\nliteral = "), doc.render());
    assertEquals(Optional.of("C:\\path"), doc.getString("server", "literal"));
  }

  @Test
  void newKeysGoAfterTheLastKeyOfTheirTable() {
    TomlDocument doc = TomlDocument.parse(SAMPLE);
    doc.set("server", "added", TomlValue.integer(7));
    doc.set("", "rootadded", TomlValue.bool(false));
    doc.set("empty", "x", TomlValue.string("y"));
    doc.set("brandnew", "k", TomlValue.integer(-1));
    String out = doc.render();
    assertTrue(out.contains("hex = 0xff\nadded = 7\n"), out);
    assertTrue(out.contains("enabled = true\nrootadded = false\n"), out);
    assertTrue(out.contains("[empty]\nx = \"y\"\n"), out);
    assertTrue(out.endsWith("\n[brandnew]\nk = -1\n"), out);
    TomlDocument again = TomlDocument.parse(out);
    assertEquals(Optional.of(7L), again.getLong("server", "added"));
    assertEquals(Optional.of("y"), again.getString("empty", "x"));
    assertEquals(Optional.of(-1L), again.getLong("brandnew", "k"));
  }

  @Test
  void stringsAreEscapedAndReadBack() {
    String tricky = "quote \" backslash \\ tab \t newline \n bell \u0007 é";
    TomlDocument doc = TomlDocument.parse("");
    doc.set("t", "s", TomlValue.string(tricky));
    assertEquals(Optional.of(tricky), TomlDocument.parse(doc.render()).getString("t", "s"));
  }

  @Test
  void keepsWindowsLineEndings() {
    TomlDocument doc = TomlDocument.parse("a = 1\r\n[t]\r\nb = \"x\"\r\n");
    doc.set("t", "b", TomlValue.string("y"));
    assertEquals("a = 1\r\n[t]\r\nb = \"y\"\r\n", doc.render());
  }

  @Test
  void arrayOfTablesIsSkippedNotConfusedWithTables() {
    TomlDocument doc = TomlDocument.parse("[[peers]]\nid = 1\n[[peers]]\nid = 2\n[t]\nid = 3\n");
    assertEquals(Optional.of(3L), doc.getLong("t", "id"));
    assertTrue(doc.get("peers", "id").isEmpty());
  }

  @Test
  void typeMismatchIsAClearError() {
    TomlDocument doc = TomlDocument.parse(SAMPLE);
    TomlException e = assertThrows(TomlException.class, () -> doc.getString("", "count"));
    assertEquals("key 'count' must be a string, found 1000", e.getMessage());
    e = assertThrows(TomlException.class, () -> doc.getLong("server", "laddr"));
    assertTrue(e.getMessage().contains("[server]"), e.getMessage());
  }

  @Test
  void malformedInputNamesTheLine() {
    assertEquals(
        "line 3: key 'a' in [t] is defined twice",
        assertThrows(TomlException.class, () -> TomlDocument.parse("[t]\na = 1\na = 2\n"))
            .getMessage());
    assertEquals(
        "line 1: unterminated string",
        assertThrows(TomlException.class, () -> TomlDocument.parse("a = \"open\n")).getMessage());
    assertEquals(
        "line 1: expected 'key = value': just words",
        assertThrows(TomlException.class, () -> TomlDocument.parse("just words\n")).getMessage());
    assertEquals(
        "line 2: value is not closed before the end of the file",
        assertThrows(TomlException.class, () -> TomlDocument.parse("a = [1,\n2,\n")).getMessage());
    assertEquals(
        "line 3: table [t] is defined twice",
        assertThrows(TomlException.class, () -> TomlDocument.parse("[t]\na=1\n[t]\n"))
            .getMessage());
    assertEquals(
        "line 1: unknown escape \\q in \"a\\qb\"",
        assertThrows(TomlException.class, () -> TomlDocument.parse("k = \"a\\qb\"\n"))
            .getMessage());
  }
}
