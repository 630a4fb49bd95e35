package io.zgnode.tools.cli;

import java.io.PrintStream;

/** The streams a command writes to and whether the user asked for details (--verbose). */
public record CliContext(PrintStream out, PrintStream err, boolean verbose) {}
