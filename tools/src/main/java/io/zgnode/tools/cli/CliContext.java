package io.zgnode.tools.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command reads and writes and whether the user asked for details (--verbose). Input
 * is read only where a command documents it (a mnemonic for {@code keys add --recover}); passwords
 * never come from it.
 */
public record CliContext(PrintStream out, PrintStream err, boolean verbose, InputStream in) {
  public CliContext(PrintStream out, PrintStream err, boolean verbose) {
    this(out, err, verbose, System.in);
  }
}
