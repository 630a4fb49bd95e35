package io.zgnode.chain.sim;

/**
 * A simulation that produced no result, worded as geth words it. The kind tells the JSON-RPC layer
 * which error code to answer with.
 */
public final class SimulationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the simulation failed. */
  public enum Kind {
    /** The request itself is malformed (JSON-RPC invalid params, -32602). */
    INVALID_ARGUMENT,
    /** The call cannot run on this state: funds, fees, intrinsic gas... (geth's -32000). */
    REJECTED,
    /** The deadline passed before the execution finished. */
    TIMEOUT,
    /** The execution reverted; {@link #output()} holds the revert data (JSON-RPC code 3). */
    REVERTED,
    /** The execution failed other than by a revert (out of gas, invalid opcode...). */
    VM_ERROR,
    /** What the request names does not exist (a transaction, a block). */
    NOT_FOUND
  }

  private final Kind kind;
  private final byte[] output;

  public SimulationException(Kind kind, String message) {
    this(kind, message, new byte[0]);
  }

  public SimulationException(Kind kind, String message, byte[] output) {
    super(message, null, false, false);
    this.kind = kind;
    this.output = output.clone();
  }

  public Kind kind() {
    return kind;
  }

  /** The revert data of a {@link Kind#REVERTED} failure, else empty. */
  public byte[] output() {
    return output.clone();
  }
}
