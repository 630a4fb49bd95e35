package io.zgnode.tools.home;

import io.zgnode.tools.CliException;
import io.zgnode.tools.toml.TomlValue;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value types of app.toml beyond what the TOML reader decodes itself: arrays of strings,
 * durations written as Go does ("5s", "300ms", "1m30s"), and integers too large for a long.
 */
final class ConfigValues {
  private static final Pattern DURATION_PART = Pattern.compile("([0-9]+)(ms|s|m|h)");

  private ConfigValues() {}

  /** Parses {@code ["a", 'b']} (multi-line, trailing comma allowed); {@code what} names the key. */
  static List<String> stringArray(TomlValue value, String what) {
    if (!(value instanceof TomlValue.Other other)) {
      throw new CliException(what + " must be an array of strings, found " + value.render());
    }
    String t = other.text().strip();
    if (!t.startsWith("[") || !t.endsWith("]")) {
      throw new CliException(what + " must be an array of strings, found " + t);
    }
    List<String> out = new ArrayList<>();
    int i = 1;
    int end = t.length() - 1;
    boolean needComma = false;
    while (true) {
      while (i < end && Character.isWhitespace(t.charAt(i))) {
        i++;
      }
      if (i >= end) {
        return out;
      }
      char c = t.charAt(i);
      if (c == ',' && needComma) {
        needComma = false;
        i++;
        continue;
      }
      if (needComma || (c != '"' && c != '\'')) {
        throw new CliException(what + " must be an array of strings, found " + t);
      }
      StringBuilder sb = new StringBuilder();
      i++;
      while (true) {
        if (i >= end) {
          throw new CliException(what + ": unterminated string in " + t);
        }
        char d = t.charAt(i++);
        if (d == c) {
          break;
        }
        if (d == '\\' && c == '"') {
          if (i >= end) {
            throw new CliException(what + ": unterminated string in " + t);
          }
          char e = t.charAt(i++);
          switch (e) {
            case '"', '\\' -> sb.append(e);
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            default -> throw new CliException(what + ": unsupported escape \\" + e + " in " + t);
          }
        } else {
          sb.append(d);
        }
      }
      out.add(sb.toString());
      needComma = true;
    }
  }

  static TomlValue stringArray(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(TomlValue.string(values.get(i)).render());
    }
    return new TomlValue.Other(sb.append(']').toString());
  }

  /** A positive duration such as "5s", "300ms", "5m" or "1h30m". */
  static Duration duration(String text, String what) {
    String t = text.strip();
    Matcher m = DURATION_PART.matcher(t);
    Duration total = Duration.ZERO;
    int at = 0;
    while (at < t.length() && m.find(at) && m.start() == at) {
      long n;
      try {
        n = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        throw new CliException(what + ": number too large in '" + text + "'");
      }
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
              });
      at = m.end();
    }
    if (t.isEmpty() || at != t.length() || total.isZero()) {
      throw new CliException(
          what
              + " must be a positive duration such as \"5s\", \"300ms\" or \"5m\", got '"
              + text
              + "'");
    }
    return total;
  }

  /** The shortest of "Nh", "Nm", "Ns", "Nms" that is exact. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  /** A non-negative integer written as a TOML integer or as a decimal string (beyond a long). */
  static BigInteger bigInteger(TomlValue value, String what) {
    BigInteger v;
    if (value instanceof TomlValue.Int i) {
      v = BigInteger.valueOf(i.value());
    } else if (value instanceof TomlValue.Str s && s.value().strip().matches("[0-9]+")) {
      v = new BigInteger(s.value().strip());
    } else {
      throw new CliException(
          what + " must be a non-negative integer (or a decimal string), found " + value.render());
    }
    if (v.signum() < 0) {
      throw new CliException(what + " must not be negative, found " + value.render());
    }
    return v;
  }
}
