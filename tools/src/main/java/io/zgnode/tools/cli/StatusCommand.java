package io.zgnode.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.tools.home.CometConfig;
import io.zgnode.tools.home.GenesisFile;
import io.zgnode.tools.home.NodeHome;
import io.zgnode.tools.rpc.CometRpc;
import io.zgnode.tools.rpc.StatusReport;
import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Print the running node's status as one JSON line: CometBFT's status (node_info,"
          + " sync_info, validator_info) plus evm_chain_id from the genesis.",
      "Fails (exit 1) when the node is not running."
    })
public final class StatusCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final CliContext ctx;

  @Option(names = "--home", required = true, paramLabel = "DIR", description = "Node home.")
  String home;

  @Option(
      names = "--node",
      paramLabel = "URL",
      description = "CometBFT RPC URL (default: [rpc] laddr of config/config.toml).")
  String node;

  public StatusCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    NodeHome nodeHome = NodeHome.of(home);
    if (!Files.isRegularFile(nodeHome.genesisJson())) {
      nodeHome.requireInitialized();
    }
    long evmChainId = GenesisFile.read(nodeHome.genesisJson()).appGenesis().evmChainId();
    URI url = node != null ? CometRpc.parseNode(node) : CometConfig.rpcUrl(nodeHome.configToml());
    JsonNode status = new CometRpc(url).status();
    ctx.out().println(MAPPER.writeValueAsString(StatusReport.merge(status, evmChainId)));
    return 0;
  }
}
