package io.zgnode.tools.node;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line that runs this CLI again in a new JVM: the same java binary, JVM options and
 * class path (under the {@code ./zgnode} launcher: its JDK, flags and jar), so a node started in
 * the background runs exactly the code and settings of the command that started it.
 */
public final class SelfCommand {
  static final String MAIN_CLASS = "io.zgnode.tools.Main";

  private SelfCommand() {}

  /** {@code java [JVM options] -cp CLASSPATH io.zgnode.tools.Main args...}. */
  public static List<String> of(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    for (String opt : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // A debugger agent would make the child fight the parent for the debug port.
      if (!opt.startsWith("-agentlib:jdwp") && !opt.startsWith("-Xrunjdwp")) {
        cmd.add(opt);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(MAIN_CLASS);
    cmd.addAll(args);
    return cmd;
  }

  /**
   * {@code setsid} when the system has it: a process started through it leaves the caller's
   * session, so a Ctrl-C or hang-up meant for the terminal that ran {@code testnet start} does not
   * reach the nodes. Java does not make its children group leaders, so setsid execs in place and
   * the pid stays the JVM's.
   */
  public static Optional<Path> setsid() {
    for (String dir : List.of("/usr/bin", "/bin")) {
      Path p = Path.of(dir, "setsid");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
