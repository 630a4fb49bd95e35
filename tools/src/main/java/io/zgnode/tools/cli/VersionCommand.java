package io.zgnode.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.tools.BuildInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description =
        "Print the zgnode version, the git commit it was built from and the CometBFT"
            + " version it is built for.")
public final class VersionCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  public VersionCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    BuildInfo info = BuildInfo.load();
    if (json) {
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("version", info.version());
      o.put("commit", info.commit());
      o.put("cometbft", info.cometbftVersion());
      o.put("java", Runtime.version().toString());
      ctx.out().println(o);
    } else {
      ctx.out().println("zgnode " + info.version());
      ctx.out().println("commit: " + info.commit());
      ctx.out().println("cometbft: " + info.cometbftVersion());
      ctx.out().println("java: " + Runtime.version());
    }
    return 0;
  }
}
