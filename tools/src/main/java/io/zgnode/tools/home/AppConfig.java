package io.zgnode.tools.home;

import io.zgnode.tools.CliException;
import io.zgnode.tools.toml.TomlDocument;
import io.zgnode.tools.toml.TomlException;
import io.zgnode.tools.toml.TomlValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The application's own settings, {@code config/app.toml} (CometBFT's are in {@code config.toml}).
 * Later sections (JSON-RPC, metrics) go beside these; editing an existing file keeps them.
 */
public record AppConfig(AbciTransport transport, ListenAddress abciAddress, long evmChainId) {
  static final String ABCI = "abci";
  static final String EVM = "evm";

  public static AppConfig read(Path file) {
    try {
      TomlDocument doc = TomlDocument.read(file);
      AbciTransport transport =
          AbciTransport.parse(doc.getString(ABCI, "transport").orElse("socket"));
      ListenAddress address =
          ListenAddress.parse(
              doc.getString(ABCI, "address").orElse(Ports.DEFAULTS.abciAddress().toString()));
      long chainId =
          doc.getLong(EVM, "chain_id")
              .orElseThrow(() -> new CliException(file + ": [evm] chain_id is missing"));
      return new AppConfig(transport, address, chainId);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (TomlException | CliException e) {
      throw new CliException(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the file: a new one from the template, an existing one edited key by key. */
  public void write(Path file) throws IOException {
    if (Files.exists(file)) {
      TomlDocument doc = TomlDocument.read(file);
      doc.set(ABCI, "transport", TomlValue.string(transport.configName()));
      doc.set(ABCI, "address", TomlValue.string(abciAddress.toString()));
      doc.set(EVM, "chain_id", TomlValue.integer(evmChainId));
      doc.write(file);
    } else {
      Files.writeString(file, render(), StandardCharsets.UTF_8);
    }
  }

  public AppConfig withTransport(AbciTransport t) {
    return new AppConfig(t, abciAddress, evmChainId);
  }

  public AppConfig withAbciAddress(ListenAddress a) {
    return new AppConfig(transport, a, evmChainId);
  }

  String render() {
    return """
    # zgnode application settings. CometBFT's own settings are in config.toml.

    [abci]
    # How CometBFT reaches the application: "socket" or "grpc". 'zgnode start' passes the
    # matching --abci and --proxy_app to CometBFT; for an external CometBFT (start --no-comet)
    # keep "abci" and "proxy_app" in config.toml in line with these two.
    transport = %s
    # Where the application listens for CometBFT's ABCI connections.
    address = %s

    [evm]
    # EIP-155 chain id. The chain's value is app_state.evm.chain_id in genesis.json;
    # 'zgnode start' refuses to run when the two differ.
    chain_id = %d
    """
        .formatted(
            TomlValue.string(transport.configName()).render(),
            TomlValue.string(abciAddress.toString()).render(),
            evmChainId);
  }
}
