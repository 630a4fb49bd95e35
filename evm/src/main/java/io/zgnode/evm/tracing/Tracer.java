package io.zgnode.evm.tracing;

import io.zgnode.evm.frame.MessageFrame;

/**
 * Hooks into execution. The interpreter calls them only when a tracer other than {@link #NO_OP} is
 * set (one boolean test per instruction), so tracing costs nothing when off.
 */
public interface Tracer {
  /** The tracer that does nothing; its identity tells the interpreter tracing is off. */
  Tracer NO_OP = new Tracer() {};

  /** A frame is about to start (before its value transfer). */
  default void onFrameStart(MessageFrame frame) {}

  /**
   * An instruction is about to run: the frame's pc, gas, stack and memory are as before it (its
   * static gas not yet charged).
   */
  default void onInstruction(MessageFrame frame, int pc, int opcode, long gas) {}

  /**
   * A call or creation that ends before any frame runs (call depth, balance, nonce or address
   * collision; a SELFDESTRUCT's transfer), reported as geth reports it: a frame that exits at once
   * having used {@code gasUsed}, with {@code error} or null. The caller's gas is as the
   * instruction's own costs left it.
   */
  default void onImmediateExit(MessageFrame caller, long gasUsed, String error) {}

  /**
   * A frame's code has finished, before a creation's code deposit is charged and before its changes
   * are kept or reverted.
   */
  default void onExecutionEnd(MessageFrame frame) {}

  /** A frame ended: its state, output, halt reason and remaining gas are final. */
  default void onFrameEnd(MessageFrame frame) {}
}
