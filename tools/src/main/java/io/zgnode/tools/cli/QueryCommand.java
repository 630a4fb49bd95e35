package io.zgnode.tools.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = "Query a running node through CometBFT's RPC.",
    subcommands = {QueryAccountCommand.class})
public final class QueryCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing what to query (e.g. 'zgnode query account ADDRESS')");
  }
}
