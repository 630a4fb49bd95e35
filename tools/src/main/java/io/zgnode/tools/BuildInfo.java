package io.zgnode.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts fixed when the jar was built: the project version, the git commit, and the CometBFT release
 * the node is built for (the root pom's {@code cometbft.version}, the one place it lives).
 */
public record BuildInfo(String version, String commit, String cometbftVersion) {
  private static final String RESOURCE = "build.properties";

  public static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        // Running from an IDE without Maven's resource filtering.
        return new BuildInfo("unknown", "unknown", "unknown");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new BuildInfo(value(p, "version"), value(p, "commit"), value(p, "cometbft.version"));
  }

  /** The CometBFT version without the leading {@code v}, as {@code cometbft version} prints it. */
  public String cometbftVersionPlain() {
    return cometbftVersion.startsWith("v") ? cometbftVersion.substring(1) : cometbftVersion;
  }

  private static String value(Properties p, String key) {
    String v = p.getProperty(key, "").strip();
    // An unfiltered placeholder means the value was not available at build time.
    return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
  }
}
