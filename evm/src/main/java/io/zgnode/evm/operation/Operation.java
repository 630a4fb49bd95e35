package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;

/**
 * One EVM instruction. Before {@link #execute} runs, the interpreter has checked that the stack
 * holds {@link #inputs()} words and has room for the result, and has charged {@link #staticGas()};
 * the operation charges whatever else it costs through the frame.
 */
public interface Operation {
  int opcode();

  /** The mnemonic, as in traces (e.g. "PUSH1"). */
  String name();

  /** Stack words consumed. */
  int inputs();

  /** Stack words produced. */
  int outputs();

  /** The gas charged before the operation runs. */
  long staticGas();

  /** Whether the fork defines this opcode (false for the placeholder of an undefined one). */
  default boolean isDefined() {
    return true;
  }

  /**
   * Runs with the frame's pc at this instruction. Returns how far to advance the pc: 1 for most
   * instructions, 1 + n for PUSHn, 0 when the operation set the pc itself or ended the frame (a
   * frame that ends or suspends is no longer {@code RUNNING}).
   */
  int execute(MessageFrame frame);
}
