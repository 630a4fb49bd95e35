package io.zgnode.evm.tracing;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.frame.MessageFrame;

/**
 * What geth's instruction-level traces (EIP-3155 lines and the struct logger of debug_trace*)
 * report the same way: an instruction's gas cost, known only once it ran, and stack words.
 */
public final class StepFields {
  private StepFields() {}

  /**
   * The cost geth shows for an instruction that began with {@code gasBefore}, read from its frame
   * at the next event: its static gas when the stack check refused it before it ran, what it needed
   * when it ran out of gas, what it used up to a failure while running; otherwise the gas it took,
   * less {@code childGas} (a new creation's gas, which is handed over rather than spent; a call's
   * cost does include the callee's gas).
   */
  public static long cost(MessageFrame frame, long gasBefore, long staticGas, long childGas) {
    if (frame.state() != MessageFrame.State.EXCEPTIONAL_HALT) {
      return Math.max(0, gasBefore - frame.gasRemaining() - childGas);
    }
    return switch (frame.haltReason()) {
      case STACK_UNDERFLOW, STACK_OVERFLOW -> staticGas;
      case OUT_OF_GAS -> staticGas + Math.min(frame.failedGasCost(), Long.MAX_VALUE / 2);
      default -> Math.max(0, gasBefore - frame.gasAtHalt());
    };
  }

  /** A 32-byte stack word as geth prints it: 0x-hex without leading zeros, "0x0" for zero. */
  public static String stackWord(byte[] word) {
    int i = 0;
    while (i < word.length - 1 && word[i] == 0) {
      i++;
    }
    String h = Hex.encodePlain(word, i, word.length - i);
    int j = 0;
    while (j < h.length() - 1 && h.charAt(j) == '0') {
      j++;
    }
    return "0x" + h.substring(j);
  }
}
