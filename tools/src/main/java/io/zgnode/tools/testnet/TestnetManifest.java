package io.zgnode.tools.testnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.evm.types.Address;
import io.zgnode.tools.CliException;
import io.zgnode.tools.home.Ports;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DIR/testnet.json}: what {@code testnet init} made, for people and tests (endpoints,
 * operators and their development keys, powers) and for {@code testnet start}/{@code stop} (which
 * homes to run). Homes are relative to DIR, so the directory can be moved.
 */
public record TestnetManifest(
    String chainId, long evmChainId, int portOffset, List<NodeEntry> nodes) {
  public static final String FILE = "testnet.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One node.
   *
   * @param home the home directory relative to the network's directory
   * @param operatorPrivateKey hex; a key of the public development mnemonic, never a secret
   * @param consensusPubKey base64 ed25519, as in priv_validator_key.json
   */
  public record NodeEntry(
      int index,
      String moniker,
      String home,
      String nodeId,
      Ports ports,
      int prometheusPort,
      Address operator,
      String operatorPath,
      String operatorPrivateKey,
      String consensusPubKey,
      long power,
      BigInteger selfDelegation) {
    public URI cometRpc() {
      return URI.create("http://127.0.0.1:" + ports.rpc());
    }

    public URI jsonRpc() {
      return URI.create("http://127.0.0.1:" + ports.jsonRpc());
    }

    public URI webSocket() {
      return URI.create("ws://127.0.0.1:" + (ports.ws() == 0 ? ports.jsonRpc() : ports.ws()));
    }
  }

  public TestnetManifest {
    nodes = List.copyOf(nodes);
  }

  public static Path file(Path dir) {
    return dir.resolve(FILE);
  }

  public void write(Path dir) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("chain_id", chainId);
    root.put("evm_chain_id", evmChainId);
    root.put("port_offset", portOffset);
    ArrayNode arr = root.putArray("nodes");
    for (NodeEntry n : nodes) {
      ObjectNode o = arr.addObject();
      o.put("index", n.index());
      o.put("moniker", n.moniker());
      o.put("home", n.home());
      o.put("node_id", n.nodeId());
      o.put("peer", n.nodeId() + "@127.0.0.1:" + n.ports().p2p());
      ObjectNode p = o.putObject("ports");
      p.put("rpc", n.ports().rpc());
      p.put("p2p", n.ports().p2p());
      p.put("abci", n.ports().abci());
      p.put("json_rpc", n.ports().jsonRpc());
      p.put("ws", n.ports().ws());
      p.put("prometheus", n.prometheusPort());
      o.put("comet_rpc_url", n.cometRpc().toString());
      o.put("json_rpc_url", n.jsonRpc().toString());
      o.put("ws_url", n.webSocket().toString());
      o.put("operator", n.operator().toChecksumHex());
      o.put("operator_path", n.operatorPath());
      o.put("operator_private_key", n.operatorPrivateKey());
      o.put("consensus_pubkey", n.consensusPubKey());
      o.put("power", n.power());
      o.put("self_delegation", n.selfDelegation().toString());
    }
    Path tmp = dir.resolve(FILE + ".tmp");
    Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    Files.move(
        tmp,
        file(dir),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads DIR/testnet.json; a missing or damaged file is a user error naming it. */
  public static TestnetManifest read(Path dir) {
    Path f = file(dir);
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new CliException(
          f + " is missing: " + dir + " is not a testnet made by 'zgnode testnet init'", e);
    } catch (IOException e) {
      throw new CliException("cannot read " + f + ": " + e.getMessage(), e);
    }
    try {
      List<NodeEntry> nodes = new ArrayList<>();
      for (JsonNode o : require(root, "nodes")) {
        JsonNode p = require(o, "ports");
        nodes.add(
            new NodeEntry(
                require(o, "index").asInt(),
                text(o, "moniker"),
                text(o, "home"),
                text(o, "node_id"),
                new Ports(
                    require(p, "rpc").asInt(),
                    require(p, "p2p").asInt(),
                    require(p, "abci").asInt(),
                    require(p, "json_rpc").asInt(),
                    require(p, "ws").asInt()),
                require(p, "prometheus").asInt(),
                Address.fromHex(text(o, "operator")),
                text(o, "operator_path"),
                text(o, "operator_private_key"),
                text(o, "consensus_pubkey"),
                require(o, "power").asLong(),
                new BigInteger(text(o, "self_delegation"))));
      }
      if (nodes.isEmpty()) {
        throw new CliException("nodes is empty");
      }
      return new TestnetManifest(
          text(root, "chain_id"),
          require(root, "evm_chain_id").asLong(),
          require(root, "port_offset").asInt(),
          nodes);
    } catch (CliException | IllegalArgumentException e) {
      throw new CliException(f + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode require(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new CliException("field '" + field + "' is missing");
    }
    return v;
  }

  private static String text(JsonNode o, String field) {
    return require(o, field).asText();
  }
}
