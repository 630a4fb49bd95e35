package io.zgnode.tools.home;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisException;
import io.zgnode.genesis.Predeploys;
import io.zgnode.tools.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * CometBFT's {@code genesis.json} with the application's state under {@code app_state}. Edited as a
 * JSON tree so fields zgnode does not own (genesis time, validators, evidence parameters) pass
 * through unchanged and in order.
 */
public final class GenesisFile {
  /** Block size limit written by {@code init}: CometBFT's 21 MiB default is far above need. */
  public static final long MAX_BLOCK_BYTES = 4L << 20;

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          // Numbers in app_state pass through exactly (no double rounding).
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private final Path file;
  private final ObjectNode root;

  private GenesisFile(Path file, ObjectNode root) {
    this.file = file;
    this.root = root;
  }

  public static GenesisFile read(Path file) {
    JsonNode node;
    try {
      node = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new CliException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!(node instanceof ObjectNode obj)) {
      throw new CliException(file + " must hold a JSON object");
    }
    return new GenesisFile(file, obj);
  }

  public String chainId() {
    JsonNode id = root.get("chain_id");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      throw new CliException(file + ": chain_id is missing");
    }
    return id.asText();
  }

  /** The {@code app_state} object as JSON text. */
  public String appStateJson() {
    JsonNode state = root.get("app_state");
    if (state == null || state.isNull()) {
      throw new CliException(
          file + ": app_state is missing (this genesis was not made for zgnode)");
    }
    return state.toString();
  }

  /** The application's genesis, validated; a bad one is an error that names the file. */
  public AppGenesis appGenesis() {
    try {
      return AppGenesis.parse(appStateJson());
    } catch (GenesisException e) {
      throw new CliException(file + ": invalid app_state: " + e.getMessage(), e);
    }
  }

  public GenesisFile setChainId(String chainId) {
    root.put("chain_id", chainId);
    return this;
  }

  /** Sets {@code consensus_params.block}; CometBFT writes its int64 fields as JSON strings. */
  public GenesisFile setBlockLimits(long maxBytes, long maxGas) {
    ObjectNode block = root.withObjectProperty("consensus_params").withObjectProperty("block");
    block.put("max_bytes", Long.toString(maxBytes));
    block.put("max_gas", Long.toString(maxGas));
    return this;
  }

  /**
   * Sets {@code app_state} to {@code app} plus the contracts tools expect at fixed addresses
   * (Multicall3, the CREATE2 deployer; see {@link Predeploys}), so every genesis zgnode writes has
   * them.
   */
  public GenesisFile setAppState(AppGenesis app) {
    JsonNode state;
    try {
      AppGenesis withPredeploys = Predeploys.addTo(app);
      state = MAPPER.readTree(withPredeploys.toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("AppGenesis.toJson() produced invalid JSON", e);
    }
    if (!state.isObject()) {
      throw new IllegalStateException("AppGenesis.toJson() is not a JSON object");
    }
    root.set("app_state", state);
    return this;
  }

  /**
   * Empties CometBFT's genesis {@code validators}: the application then answers InitChain with the
   * set its staking genesis creates.
   */
  public GenesisFile clearValidators() {
    root.putArray("validators");
    return this;
  }

  /** Writes through a temporary file and a rename, indented the way CometBFT writes it. */
  public void write() throws IOException {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    String text = MAPPER.writer(printer).writeValueAsString(root);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
