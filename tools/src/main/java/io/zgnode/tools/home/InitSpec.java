package io.zgnode.tools.home;

import io.zgnode.genesis.AppGenesis;
import io.zgnode.tools.CliException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything {@code init} needs to write a node home.
 *
 * @param corsOrigins the JSON-RPC's cors-origins (["*"] for a devnet on a developer's machine)
 */
public record InitSpec(
    String moniker,
    String chainId,
    AppGenesis appGenesis,
    AbciTransport transport,
    Ports ports,
    String timeoutCommit,
    boolean overwrite,
    List<String> corsOrigins) {
  /** CometBFT's limit on chain ids. */
  public static final int MAX_CHAIN_ID_LENGTH = 50;

  private static final Pattern DURATION =
      Pattern.compile("([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+");

  public InitSpec {
    corsOrigins = List.copyOf(corsOrigins);
    if (moniker == null || moniker.isBlank()) {
      throw new CliException("the moniker must not be empty");
    }
    if (moniker.chars().anyMatch(Character::isISOControl)) {
      throw new CliException("the moniker must not contain control characters");
    }
    if (chainId == null || chainId.isBlank()) {
      throw new CliException("--chain-id must not be empty");
    }
    if (chainId.length() > MAX_CHAIN_ID_LENGTH) {
      throw new CliException(
          "--chain-id is "
              + chainId.length()
              + " characters; CometBFT allows at most "
              + MAX_CHAIN_ID_LENGTH);
    }
    if (!chainId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new CliException(
          "--chain-id must be printable ASCII without spaces, got '" + chainId + "'");
    }
    if (timeoutCommit == null || !DURATION.matcher(timeoutCommit).matches()) {
      throw new CliException(
          "bad timeout_commit '" + timeoutCommit + "' (a Go duration such as 500ms or 1s)");
    }
  }

  /** A spec without CORS origins (a node not meant for browser pages). */
  public InitSpec(
      String moniker,
      String chainId,
      AppGenesis appGenesis,
      AbciTransport transport,
      Ports ports,
      String timeoutCommit,
      boolean overwrite) {
    this(moniker, chainId, appGenesis, transport, ports, timeoutCommit, overwrite, List.of());
  }
}
