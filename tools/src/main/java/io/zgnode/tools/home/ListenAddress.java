package io.zgnode.tools.home;

import io.zgnode.tools.CliException;

/** A TCP {@code host:port} to listen on or dial ({@code [::1]:26658} for IPv6 hosts). */
public record ListenAddress(String host, int port) {
  public ListenAddress {
    if (host == null || host.isBlank()) {
      throw new CliException("an address needs a host");
    }
    checkPort(port);
  }

  public static ListenAddress loopback(int port) {
    return new ListenAddress("127.0.0.1", port);
  }

  /** Parses {@code host:port}, {@code [v6]:port}, or either with a {@code tcp://} prefix. */
  public static ListenAddress parse(String text) {
    String t = text.strip();
    if (t.startsWith("tcp://")) {
      t = t.substring("tcp://".length());
    }
    int colon = t.lastIndexOf(':');
    if (colon <= 0 || colon == t.length() - 1) {
      throw new CliException("bad address '" + text + "' (expected host:port)");
    }
    String host = t.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new CliException("bad address '" + text + "' (write IPv6 hosts as [host]:port)");
    }
    int port;
    try {
      port = Integer.parseInt(t.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new CliException("bad port in address '" + text + "'");
    }
    return new ListenAddress(host, port);
  }

  public static void checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new CliException("port " + port + " is out of range (1-65535)");
    }
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
