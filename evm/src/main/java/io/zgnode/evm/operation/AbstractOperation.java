package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;

/** The fixed facts of an operation. */
abstract class AbstractOperation implements Operation {
  private final int opcode;
  private final String name;
  private final int inputs;
  private final int outputs;
  private final long staticGas;

  AbstractOperation(int opcode, String name, int inputs, int outputs, long staticGas) {
    this.opcode = opcode;
    this.name = name;
    this.inputs = inputs;
    this.outputs = outputs;
    this.staticGas = staticGas;
  }

  @Override
  public final int opcode() {
    return opcode;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int inputs() {
    return inputs;
  }

  @Override
  public final int outputs() {
    return outputs;
  }

  @Override
  public final long staticGas() {
    return staticGas;
  }

  /** Charges memory expansion over a range; false (frame halted) when out of gas. */
  static boolean expandMemory(MessageFrame frame, long offset, long length) {
    long cost = frame.memory().expansionCost(offset, length);
    if (cost == 0) {
      return true;
    }
    if (!frame.useGas(cost)) {
      return false;
    }
    frame.memory().expand(offset, length);
    return true;
  }

  /** The top word's array index. */
  static int top(MessageFrame frame) {
    return (frame.stack().size() - 1) << 2;
  }

  @Override
  public String toString() {
    return name;
  }
}
