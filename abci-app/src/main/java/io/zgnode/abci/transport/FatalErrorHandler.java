package io.zgnode.abci.transport;

/**
 * What the node does when an ABCI method without an error channel fails (Echo, Info, InitChain,
 * FinalizeBlock, Commit and the others listed in {@link io.zgnode.abci.AbciApplication}).
 *
 * <p>Such a failure must stop the node rather than let it answer wrongly. The transport calls the
 * handler once, for the first failure; from then on it answers nothing more that could be wrong.
 * The handler runs on a transport thread, possibly while other connections are still open.
 */
@FunctionalInterface
public interface FatalErrorHandler {

  /**
   * Called once, on the first fatal failure.
   *
   * @param method the ABCI method name as in the spec, e.g. {@code "FinalizeBlock"}
   * @param cause what the application threw (or an {@link IllegalStateException} if it returned
   *     null)
   */
  void onFatalError(String method, Throwable cause);

  /** The production handler: prints the failure to stderr and exits the JVM with status 1. */
  static FatalErrorHandler exitJvm() {
    return (method, cause) -> {
      System.err.println(
          "zgnode: fatal error in ABCI " + method + "; stopping the node (exit status 1)");
      cause.printStackTrace(System.err);
      System.err.flush();
      System.exit(1);
    };
  }
}
