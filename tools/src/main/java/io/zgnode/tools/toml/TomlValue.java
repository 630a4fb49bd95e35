package io.zgnode.tools.toml;

/**
 * A TOML value as this reader understands it: strings, integers and booleans are decoded; anything
 * else (arrays, floats, dates, inline tables) is kept as its source text.
 */
public sealed interface TomlValue {
  /** The value as TOML source text. */
  String render();

  static TomlValue string(String value) {
    return new Str(value);
  }

  static TomlValue integer(long value) {
    return new Int(value);
  }

  static TomlValue bool(boolean value) {
    return new Bool(value);
  }

  record Str(String value) implements TomlValue {
    @Override
    public String render() {
      StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          default -> {
            if (c < 0x20 || c == 0x7f) {
              sb.append(String.format("\\u%04X", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
      return sb.append('"').toString();
    }
  }

  record Int(long value) implements TomlValue {
    @Override
    public String render() {
      return Long.toString(value);
    }
  }

  record Bool(boolean value) implements TomlValue {
    @Override
    public String render() {
      return Boolean.toString(value);
    }
  }

  /** A value kept verbatim (an array, a float, a date, an inline table). */
  record Other(String text) implements TomlValue {
    @Override
    public String render() {
      return text;
    }
  }
}
