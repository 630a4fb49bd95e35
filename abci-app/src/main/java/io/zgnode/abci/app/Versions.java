package io.zgnode.abci.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version facts, filtered into a resource at build time. */
public final class Versions {
  private static final Properties PROPS = load();

  private Versions() {}

  public static String version() {
    return PROPS.getProperty("version", "unknown");
  }

  public static String cometBftVersion() {
    return PROPS.getProperty("cometbft", "unknown");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/zgnode-app-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Versions are informational; an unreadable resource leaves them "unknown".
    }
    return p;
  }
}
