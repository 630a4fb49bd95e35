package io.zgnode.tools.toml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A TOML file edited in place: values are read and replaced key by key, and every other line
 * (comments, blank lines, keys it was not asked about) is kept byte for byte. CometBFT's {@code
 * config.toml} documents each setting in comments; rewriting the file from a model would lose them.
 *
 * <p>It understands tables ({@code [name]}), {@code key = value} lines with bare or quoted keys,
 * and values that span lines (arrays, multi-line strings). Arrays of tables ({@code [[name]]}) are
 * skipped over but not addressable.
 */
public final class TomlDocument {
  private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(0|[1-9](_?[0-9])*)");
  private static final Pattern RADIX = Pattern.compile("0([xob])([0-9A-Fa-f](_?[0-9A-Fa-f])*)");

  private final List<String> lines;
  private final String lineSeparator;
  private final boolean finalNewline;
  private List<Entry> entries = List.of();
  private List<Header> headers = List.of();

  /** One {@code key = value}, spanning lines {@code first..last} of the file. */
  private record Entry(
      String table,
      String key,
      String keyText,
      int first,
      int last,
      TomlValue value,
      String comment) {}

  /** A {@code [table]} header line; array-of-tables headers are recorded with {@code array}. */
  private record Header(String name, int line, boolean array) {}

  private TomlDocument(String text) {
    this.lineSeparator = text.contains("\r\n") ? "\r\n" : "\n";
    this.finalNewline = text.endsWith("\n");
    String body = finalNewline ? text.substring(0, text.length() - 1) : text;
    if (body.endsWith("\r")) {
      body = body.substring(0, body.length() - 1);
    }
    this.lines = new ArrayList<>(text.isEmpty() ? List.of() : List.of(body.split("\r?\n", -1)));
    index();
  }

  public static TomlDocument parse(String text) {
    return new TomlDocument(text);
  }

  public static TomlDocument read(Path file) throws IOException {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (TomlException e) {
      throw new TomlException(file + ": " + e.getMessage());
    }
  }

  /** The value of {@code key} in {@code table} ({@code ""} is the root table). */
  public Optional<TomlValue> get(String table, String key) {
    return find(table, key).map(Entry::value);
  }

  /** A string value; empty when the key is absent, an error when it holds another type. */
  public Optional<String> getString(String table, String key) {
    Optional<TomlValue> v = get(table, key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof TomlValue.Str s) {
      return Optional.of(s.value());
    }
    throw new TomlException(where(table, key) + " must be a string, found " + v.get().render());
  }

  /** An integer value; empty when the key is absent, an error when it holds another type. */
  public Optional<Long> getLong(String table, String key) {
    Optional<TomlValue> v = get(table, key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof TomlValue.Int i) {
      return Optional.of(i.value());
    }
    throw new TomlException(where(table, key) + " must be an integer, found " + v.get().render());
  }

  /**
   * Sets {@code key} in {@code table}: an existing line is replaced in place (keeping its
   * indentation and trailing comment); a new key goes after the table's last key; a missing table
   * is appended at the end.
   */
  public TomlDocument set(String table, String key, TomlValue value) {
    if (!BARE_KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("only bare keys can be set, got: " + key);
    }
    Optional<Entry> existing = find(table, key);
    if (existing.isPresent()) {
      Entry e = existing.get();
      String line = lines.get(e.first);
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      String replacement = indent + e.keyText + " = " + value.render() + e.comment;
      lines.subList(e.first, e.last + 1).clear();
      lines.add(e.first, replacement);
    } else {
      String line = key + " = " + value.render();
      Optional<Header> header =
          headers.stream().filter(h -> !h.array && h.name.equals(table)).findFirst();
      if (table.isEmpty() || header.isPresent()) {
        lines.add(insertionPoint(table, header.map(Header::line).orElse(-1)), line);
      } else {
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
          lines.add("");
        }
        lines.add("[" + table + "]");
        lines.add(line);
      }
    }
    index();
    return this;
  }

  public String render() {
    String text = String.join(lineSeparator, lines);
    return finalNewline || lines.isEmpty() ? text + lineSeparator : text;
  }

  /** Writes the document through a temporary file and a rename, so a crash leaves old or new. */
  public void write(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, render(), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private int insertionPoint(String table, int headerLine) {
    int last = -1;
    for (Entry e : entries) {
      if (e.table.equals(table)) {
        last = Math.max(last, e.last);
      }
    }
    if (last >= 0) {
      return last + 1;
    }
    if (!table.isEmpty()) {
      return headerLine + 1;
    }
    // An empty root table: put the key just before the first table header.
    return headers.isEmpty() ? lines.size() : headers.get(0).line;
  }

  private Optional<Entry> find(String table, String key) {
    for (Entry e : entries) {
      if (e.table.equals(table) && e.key.equals(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static String where(String table, String key) {
    return table.isEmpty() ? "key '" + key + "'" : "key '" + key + "' in [" + table + "]";
  }

  // ---- indexing ----

  private void index() {
    List<Entry> found = new ArrayList<>();
    List<Header> heads = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> tablesSeen = new HashSet<>();
    String table = "";
    int arrayTables = 0;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (t.startsWith("[[")) {
        String name = headerName(t, 2, "]]", i);
        heads.add(new Header(name, i, true));
        // Keys under an array of tables are not addressable: give them a name no lookup uses.
        table = "[[" + name + "]]#" + arrayTables++;
        continue;
      }
      if (t.startsWith("[")) {
        String name = headerName(t, 1, "]", i);
        if (!tablesSeen.add(name)) {
          throw new TomlException("line " + (i + 1) + ": table [" + name + "] is defined twice");
        }
        heads.add(new Header(name, i, false));
        table = name;
        continue;
      }
      Entry e = entry(table, i);
      if (!seen.add(e.table + "\u0000" + e.key)) {
        throw new TomlException(
            "line " + (i + 1) + ": " + where(e.table, e.key) + " is defined twice");
      }
      found.add(e);
      i = e.last;
    }
    this.entries = found;
    this.headers = heads;
  }

  private static String headerName(String t, int open, String close, int line) {
    int end = t.indexOf(close, open);
    if (end < 0) {
      throw new TomlException("line " + (line + 1) + ": unterminated table header: " + t);
    }
    String rest = t.substring(end + close.length()).strip();
    if (!rest.isEmpty() && !rest.startsWith("#")) {
      throw new TomlException("line " + (line + 1) + ": unexpected text after table header: " + t);
    }
    String name = t.substring(open, end).strip();
    if (name.isEmpty()) {
      throw new TomlException("line " + (line + 1) + ": empty table name");
    }
    return name;
  }

  private Entry entry(String table, int first) {
    String line = lines.get(first);
    int start = line.length() - line.stripLeading().length();
    int eq = keyEnd(line, start, first);
    String keyText = line.substring(start, eq).strip();
    String key = keyName(keyText, first);
    ValueScanner scan = new ValueScanner(first);
    scan.run(line, eq + 1);
    String valueText = scan.value.toString().strip();
    if (valueText.isEmpty()) {
      throw new TomlException("line " + (first + 1) + ": key '" + key + "' has no value");
    }
    return new Entry(table, key, keyText, first, scan.line, decode(valueText, first), scan.comment);
  }

  /** The index of the {@code =} after the key that starts at {@code start}. */
  private static int keyEnd(String line, int start, int lineNo) {
    char quote = 0;
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '=') {
        return i;
      }
    }
    throw new TomlException("line " + (lineNo + 1) + ": expected 'key = value': " + line.strip());
  }

  private static String keyName(String keyText, int lineNo) {
    if (BARE_KEY.matcher(keyText).matches()) {
      return keyText;
    }
    if (keyText.length() >= 2
        && (keyText.startsWith("\"") && keyText.endsWith("\"")
            || keyText.startsWith("'") && keyText.endsWith("'"))) {
      return keyText.startsWith("\"")
          ? decodeBasic(keyText, lineNo)
          : keyText.substring(1, keyText.length() - 1);
    }
    // A dotted key: kept whole; it is only ever looked up by its exact text.
    if (keyText.isEmpty()) {
      throw new TomlException("line " + (lineNo + 1) + ": empty key");
    }
    return keyText;
  }

  /**
   * Reads a value from a position to its end, across lines while a bracket, brace or multi-line
   * string is open; separates the trailing comment of the last line.
   */
  private final class ValueScanner {
    int line;
    final StringBuilder value = new StringBuilder();
    String comment = "";

    ValueScanner(int line) {
      this.line = line;
    }

    void run(String text, int from) {
      int depth = 0;
      String multi = null;
      String current = text;
      int i = from;
      int segmentStart = from;
      while (true) {
        if (i >= current.length()) {
          value.append(current, segmentStart, current.length());
          if (depth == 0 && multi == null) {
            return;
          }
          if (line + 1 >= lines.size()) {
            throw new TomlException(
                "line " + (line + 1) + ": value is not closed before the end of the file");
          }
          value.append('\n');
          current = lines.get(++line);
          i = 0;
          segmentStart = 0;
          continue;
        }
        char c = current.charAt(i);
        if (multi != null) {
          if (c == '\\' && multi.equals("\"\"\"")) {
            i += 2;
          } else if (current.startsWith(multi, i)) {
            i += 3;
            multi = null;
          } else {
            i++;
          }
          continue;
        }
        if (current.startsWith("\"\"\"", i) || current.startsWith("'''", i)) {
          multi = current.substring(i, i + 3);
          i += 3;
        } else if (c == '"' || c == '\'') {
          i = closeQuote(current, i, c);
        } else if (c == '[' || c == '{') {
          depth++;
          i++;
        } else if (c == ']' || c == '}') {
          depth--;
          i++;
        } else if (c == '#') {
          value.append(current, segmentStart, i);
          if (depth == 0) {
            // Keep the whitespace before '#' with the comment, so a rewrite preserves the layout.
            int ws = value.length();
            while (ws > 0 && Character.isWhitespace(value.charAt(ws - 1))) {
              ws--;
            }
            comment = value.substring(ws) + current.substring(i);
            value.setLength(ws);
            return;
          }
          // A comment inside a multi-line array: skip to the end of the line.
          i = current.length();
          segmentStart = i;
        } else {
          i++;
        }
      }
    }

    private int closeQuote(String text, int open, char quote) {
      for (int j = open + 1; j < text.length(); j++) {
        char c = text.charAt(j);
        if (c == '\\' && quote == '"') {
          j++;
        } else if (c == quote) {
          return j + 1;
        }
      }
      throw new TomlException("line " + (line + 1) + ": unterminated string");
    }
  }

  private static TomlValue decode(String text, int lineNo) {
    if (text.startsWith("\"\"\"") || text.startsWith("'''")) {
      return new TomlValue.Other(text);
    }
    if (text.startsWith("\"")) {
      return new TomlValue.Str(decodeBasic(text, lineNo));
    }
    if (text.startsWith("'")) {
      if (text.length() < 2 || !text.endsWith("'")) {
        throw new TomlException("line " + (lineNo + 1) + ": unexpected text after string: " + text);
      }
      return new TomlValue.Str(text.substring(1, text.length() - 1));
    }
    if (text.equals("true") || text.equals("false")) {
      return new TomlValue.Bool(text.equals("true"));
    }
    try {
      if (DECIMAL.matcher(text).matches()) {
        return new TomlValue.Int(Long.parseLong(text.replace("_", "")));
      }
      var radix = RADIX.matcher(text);
      if (radix.matches()) {
        int base =
            switch (radix.group(1)) {
              case "x" -> 16;
              case "o" -> 8;
              default -> 2;
            };
        return new TomlValue.Int(Long.parseLong(radix.group(2).replace("_", ""), base));
      }
    } catch (NumberFormatException e) {
      // Out of the range of a 64-bit integer: keep the text.
      return new TomlValue.Other(text);
    }
    return new TomlValue.Other(text);
  }

  /** Decodes a complete basic string {@code "..."} with TOML escapes. */
  private static String decodeBasic(String text, int lineNo) {
    StringBuilder sb = new StringBuilder();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        if (i != text.length() - 1) {
          throw new TomlException(
              "line " + (lineNo + 1) + ": unexpected text after string: " + text);
        }
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        i++;
        continue;
      }
      if (i + 1 >= text.length()) {
        break;
      }
      char e = text.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'b' -> sb.append('\b');
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'f' -> sb.append('\f');
        case 'r' -> sb.append('\r');
        case 'e' -> sb.append('\u001b');
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case 'u', 'U' -> {
          int n = e == 'u' ? 4 : 8;
          if (i + n > text.length()) {
            throw new TomlException("line " + (lineNo + 1) + ": bad unicode escape in " + text);
          }
          try {
            sb.appendCodePoint(Integer.parseInt(text.substring(i, i + n), 16));
          } catch (IllegalArgumentException ex) {
            throw new TomlException("line " + (lineNo + 1) + ": bad unicode escape in " + text);
          }
          i += n;
        }
        default ->
            throw new TomlException(
                "line " + (lineNo + 1) + ": unknown escape \\" + e + " in " + text);
      }
    }
    throw new TomlException("line " + (lineNo + 1) + ": unterminated string: " + text);
  }
}
