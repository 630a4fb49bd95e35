package io.zgnode.tools.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.tools.CliException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The shape of CometBFT v0.38's /status result (values shortened). */
  static final String STATUS =
      """
      {"node_info":{"protocol_version":{"p2p":"8","block":"11","app":"1"},
        "id":"5576458aef205977e18fd50b274e9b5d9014525a","listen_addr":"tcp://127.0.0.1:26656",
        "network":"zgnode-devnet","version":"0.38.26","channels":"40202122233038606100",
        "moniker":"devnet","other":{"tx_index":"on","rpc_address":"tcp://127.0.0.1:26657"}},
       "sync_info":{"latest_block_hash":"AB","latest_app_hash":"CD","latest_block_height":"42",
        "latest_block_time":"2025-01-01T00:00:00Z","earliest_block_hash":"EF",
        "earliest_app_hash":"","earliest_block_height":"1",
        "earliest_block_time":"2025-01-01T00:00:00Z","catching_up":false},
       "validator_info":{"address":"AA","pub_key":{"type":"tendermint/PubKeyEd25519",
        "value":"xx"},"voting_power":"10"}}
      """;

  @Test
  void addsEvmChainIdAsANumberAndKeepsCometFieldsInOrder() throws Exception {
    JsonNode comet = JSON.readTree(STATUS);
    ObjectNode out = StatusReport.merge(comet, 36767);
    assertTrue(out.path("evm_chain_id").isIntegralNumber());
    assertEquals(36767, out.path("evm_chain_id").asLong());
    // What Cosmovisor reads:
    assertEquals("zgnode-devnet", out.at("/node_info/network").asText());
    assertEquals("42", out.at("/sync_info/latest_block_height").asText());
    assertEquals(
        List.of("node_info", "sync_info", "validator_info", "evm_chain_id"),
        iterableToList(out.fieldNames()));
    assertEquals(JSON.readTree(STATUS), comet, "the input is not modified");
  }

  @Test
  void rejectsAnAnswerWithoutStatusFields() throws Exception {
    assertThrows(
        CliException.class, () -> StatusReport.merge(JSON.readTree("{\"node_info\":{}}"), 1));
    assertThrows(CliException.class, () -> StatusReport.merge(JSON.readTree("[]"), 1));
  }

  private static List<String> iterableToList(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
