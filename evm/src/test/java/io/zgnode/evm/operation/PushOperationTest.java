package io.zgnode.evm.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.evm.frame.Code;
import io.zgnode.evm.frame.OperandStack;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PushOperationTest {
  @Test
  void readsEveryWidthAtEveryPositionIncludingPastTheEnd() {
    SplittableRandom random = new SplittableRandom(1);
    for (int len = 1; len <= 70; len++) {
      byte[] bytes = new byte[len];
      for (int i = 0; i < len; i++) {
        bytes[i] = (byte) random.nextInt(256);
      }
      byte[] padded = new Code(bytes).padded();
      for (int n = 1; n <= 32; n++) {
        for (int start = 1; start <= len; start++) {
          long[] s = new long[4];
          PushOperation.read(s, 0, padded, start, n);
          byte[] expected = Arrays.copyOfRange(padded, start, start + n);
          assertEquals(
              new BigInteger(1, expected),
              OperandStack.toBigInteger(s, 0),
              "PUSH" + n + " at " + start + " of " + len);
          long[] t = new long[4];
          StackOps.push(t, 0, padded, start, n);
          assertEquals(
              new BigInteger(1, expected),
              OperandStack.toBigInteger(t, 0),
              "inline PUSH" + n + " at " + start + " of " + len);
        }
      }
    }
  }
}
