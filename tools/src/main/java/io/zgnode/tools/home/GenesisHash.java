package io.zgnode.tools.home;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.tools.CliException;
import io.zgnode.tools.toml.TomlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * Guards against the commonest operator mistake on a real network: starting with the genesis that
 * {@code init} wrote instead of the network's. The operator puts the network's published SHA-256 of
 * genesis.json in app.toml ({@code [genesis] sha256}) or passes {@code --genesis-sha256}; start
 * refuses any other file.
 */
public final class GenesisHash {
  static final String TABLE = "genesis";
  static final String KEY = "sha256";

  private GenesisHash() {}

  /** SHA-256 of the file's bytes, lower-case hex without 0x. */
  public static String of(Path genesisJson) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(genesisJson));
      return Hex.encodePlain(digest);
    } catch (IOException e) {
      throw new CliException("cannot read " + genesisJson + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The expected hash configured in app.toml, if any (an empty value means none). */
  public static Optional<String> configured(Path appToml) {
    try {
      return TomlDocument.read(appToml)
          .getString(TABLE, KEY)
          .map(String::strip)
          .filter(s -> !s.isEmpty());
    } catch (IOException e) {
      throw new CliException("cannot read " + appToml + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses a genesis whose hash is not {@code expected} (hex, with or without 0x, any case); does
   * nothing when no hash is expected.
   */
  public static void verify(Path genesisJson, Optional<String> expected, String source) {
    if (expected.isEmpty()) {
      return;
    }
    String want = normalize(expected.get(), source);
    String have = of(genesisJson);
    if (!want.equals(have)) {
      throw new CliException(
          genesisJson
              + " has SHA-256 "
              + have
              + " but "
              + source
              + " expects "
              + want
              + ": this is not the network's genesis. Download the network's genesis.json into"
              + " place (or correct the expected hash) and start again.");
    }
  }

  private static String normalize(String hex, String source) {
    String h = hex.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("0x")) {
      h = h.substring(2);
    }
    if (!h.matches("[0-9a-f]{64}")) {
      throw new CliException(source + " must be 64 hex digits (a SHA-256), got \"" + hex + "\"");
    }
    return h;
  }
}
