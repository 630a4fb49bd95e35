package io.zgnode.tools.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.types.Address;
import io.zgnode.tools.CliException;
import io.zgnode.tools.home.CometConfig;
import io.zgnode.tools.home.NodeHome;
import io.zgnode.tools.rpc.CometRpc;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description =
        "Print an account as one JSON line: {\"address\", \"balance\" (smallest unit, decimal"
            + " string), \"nonce\"}.")
public final class QueryAccountCommand implements Callable<Integer> {
  /** The application's ABCI query path for an EVM account. */
  static final String PATH = "/evm/account";

  private static final Pattern HEX_ADDRESS = Pattern.compile("(0[xX])?[0-9a-fA-F]{40}");
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final CliContext ctx;

  @Parameters(index = "0", paramLabel = "ADDRESS", description = "0x-prefixed 20-byte address.")
  String address;

  @Option(
      names = "--node",
      paramLabel = "URL",
      description = "CometBFT RPC URL (default http://127.0.0.1:26657).")
  String node;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Read the RPC address from this home's config.toml instead.")
  String home;

  public QueryAccountCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    Address account = parseAddress(address);
    URI url =
        node != null
            ? CometRpc.parseNode(node)
            : home != null
                ? CometConfig.rpcUrl(NodeHome.of(home).requireInitialized().configToml())
                : CometRpc.DEFAULT_NODE;
    CometRpc.AbciQueryResult r = new CometRpc(url).abciQuery(PATH, account.toArray());
    if (r.code() != 0) {
      throw new CliException(
          "query "
              + PATH
              + " failed with code "
              + r.code()
              + (r.codespace().isEmpty() ? "" : " (" + r.codespace() + ")")
              + (r.log().isEmpty() ? "" : ": " + r.log()));
    }
    ctx.out().println(render(r.value()));
    return 0;
  }

  static Address parseAddress(String text) {
    if (!HEX_ADDRESS.matcher(text).matches()) {
      throw new CliException("bad address '" + text + "' (expected 0x followed by 40 hex digits)");
    }
    return Address.fromHex(text);
  }

  /** The application's answer (JSON) as one compact line; anything else is an error. */
  static String render(byte[] value) {
    if (value.length == 0) {
      throw new CliException("the node answered the account query with an empty value");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(new String(value, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new CliException("the node answered the account query with a value that is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new CliException(
          "the node answered the account query with a value that is not an" + " object: " + node);
    }
    return node.toString();
  }
}
