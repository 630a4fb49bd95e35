package io.zgnode.jsonrpc.server;

import io.netty.util.NetUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Who may call: the Host check (geth's vhosts) against DNS rebinding, CORS for browsers over HTTP,
 * and the Origin check of WebSocket upgrades (browsers do not apply CORS to WebSockets, so the
 * server has to).
 *
 * <p>Patterns are compared case-insensitively; {@code "*"} matches anything and one {@code *}
 * inside a pattern matches any run of characters ({@code "https://*.example.org"}).
 */
final class AccessPolicy {
  private final List<String> corsOrigins;
  private final List<String> allowedHosts;

  AccessPolicy(List<String> corsOrigins, List<String> allowedHosts) {
    this.corsOrigins = lower(corsOrigins);
    this.allowedHosts = lower(allowedHosts);
  }

  /**
   * Whether an HTTP call with this Host header is served. As in geth, a request without a Host and
   * a Host that is an IP address always pass: DNS rebinding needs a name, and clients that dial by
   * address (containers, LAN) must not need configuration.
   */
  boolean hostAllowed(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return true;
    }
    String host = hostWithoutPort(hostHeader.strip()).toLowerCase(Locale.ROOT);
    if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
      return true;
    }
    return anyMatch(allowedHosts, host);
  }

  /**
   * The value of Access-Control-Allow-Origin for a request from {@code origin}, or null when the
   * origin is not allowed (no CORS headers: the browser then withholds the answer).
   */
  String corsAllowOrigin(String origin) {
    if (origin == null || corsOrigins.isEmpty()) {
      return null;
    }
    if (corsOrigins.contains("*")) {
      return "*";
    }
    return anyMatch(corsOrigins, origin.strip().toLowerCase(Locale.ROOT)) ? origin.strip() : null;
  }

  /**
   * Whether a WebSocket upgrade from {@code origin} is accepted. Without an Origin the client is
   * not a browser and passes. With cors-origins configured they decide; without, only pages served
   * from this machine (localhost, 127.0.0.1, ::1) may connect, as geth allows only localhost by
   * default.
   */
  boolean webSocketOriginAllowed(String origin) {
    if (origin == null) {
      return true;
    }
    String o = origin.strip().toLowerCase(Locale.ROOT);
    if (!corsOrigins.isEmpty()) {
      return anyMatch(corsOrigins, o);
    }
    try {
      String host = new URI(o).getHost();
      if (host == null) {
        return false;
      }
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static String hostWithoutPort(String host) {
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close > 0 ? host.substring(1, close) : host;
    }
    int colon = host.indexOf(':');
    if (colon >= 0 && host.indexOf(':', colon + 1) < 0) {
      return host.substring(0, colon);
    }
    return host;
  }

  private static boolean anyMatch(List<String> patterns, String value) {
    for (String p : patterns) {
      if (matches(p, value)) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(String pattern, String value) {
    if (pattern.equals("*")) {
      return true;
    }
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equals(value);
    }
    String prefix = pattern.substring(0, star);
    String suffix = pattern.substring(star + 1);
    return value.length() >= prefix.length() + suffix.length()
        && value.startsWith(prefix)
        && value.endsWith(suffix);
  }

  private static List<String> lower(List<String> values) {
    return values.stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> s.toLowerCase(Locale.ROOT))
        .toList();
  }
}
