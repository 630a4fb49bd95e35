package io.zgnode.tools.cli;

import io.zgnode.tools.CliException;
import io.zgnode.tools.home.AbciTransport;
import picocli.CommandLine;

/** Reads {@code --abci grpc|socket}; a bad value is a usage error with the accepted names. */
final class TransportConverter implements CommandLine.ITypeConverter<AbciTransport> {
  @Override
  public AbciTransport convert(String value) {
    try {
      return AbciTransport.parse(value);
    } catch (CliException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
