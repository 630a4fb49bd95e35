package io.zgnode.evm.operation;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** KECCAK256 (SHA3): the hash of a memory range. */
final class Keccak256Operation extends AbstractOperation {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final long wordCost;

  Keccak256Operation(GasCalculator gc) {
    super(0x20, "KECCAK256", 2, 1, gc.keccak256Cost());
    this.wordCost = gc.keccak256WordCost();
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] s = stack.data();
    int a = top(frame);
    long offset = OperandStack.clamp(s, a);
    long length = OperandStack.clamp(s, a - 4);
    long cost =
        GasCalculator.add(
            GasCalculator.wordCost(wordCost, length), frame.memory().expansionCost(offset, length));
    if (!frame.useGas(cost)) {
      return 0;
    }
    frame.memory().expand(offset, length);
    byte[] h =
        length == 0
            ? Keccak256.hash(new byte[0])
            : Keccak256.hash(frame.memory().data(), (int) offset, (int) length);
    int b = a - 4;
    s[b] = (long) LONGS.get(h, 0);
    s[b + 1] = (long) LONGS.get(h, 8);
    s[b + 2] = (long) LONGS.get(h, 16);
    s[b + 3] = (long) LONGS.get(h, 24);
    stack.drop(1);
    return 1;
  }
}
