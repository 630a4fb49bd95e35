package io.zgnode.evm.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The native fast path must agree with the project's Java recovery on every input. */
class SenderRecoveryTest {

  @Test
  void nativeLibraryLoadsOnThisPlatform() {
    // Linux x86-64 is what CI and validators run; elsewhere the Java path is used.
    if (System.getProperty("os.name").toLowerCase().contains("linux")
        && System.getProperty("os.arch").contains("64")) {
      assertTrue(SenderRecovery.nativeLoaded(), "libsecp256k1 JNI should load on linux-x86_64");
    }
  }

  @Test
  void agreesWithJavaRecoveryOnValidAndGarbageSignatures() {
    Random rnd = new Random(1234);
    for (int i = 0; i < 2_000; i++) {
      byte[] hash = new byte[32];
      rnd.nextBytes(hash);
      BigInteger r;
      BigInteger s;
      int recId;
      Address expectedSigner = null;
      if (i % 2 == 0) {
        BigInteger key =
            new BigInteger(256, rnd).mod(Secp256k1.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        Secp256k1.Signature sig = Secp256k1.sign(hash, key);
        r = sig.r();
        s = sig.s();
        recId = sig.recoveryId();
        expectedSigner = Secp256k1.address(key);
      } else {
        r = new BigInteger(256, rnd);
        s =
            i % 6 == 1
                ? Secp256k1.N.subtract(BigInteger.valueOf(rnd.nextInt(3)))
                : new BigInteger(256, rnd);
        recId = rnd.nextInt(5);
      }
      Address java = Secp256k1.recoverAddress(hash, r, s, recId);
      Address fast = SenderRecovery.recoverAddress(hash, r, s, recId);
      assertEquals(java, fast, "input " + i);
      if (expectedSigner != null) {
        assertEquals(expectedSigner, fast);
      }
    }
  }

  @Test
  void outOfRangeValuesRecoverNothing() {
    byte[] hash = new byte[32];
    assertNull(SenderRecovery.recoverAddress(hash, BigInteger.ZERO, BigInteger.ONE, 0));
    assertNull(SenderRecovery.recoverAddress(hash, BigInteger.ONE, Secp256k1.N, 0));
    assertNull(SenderRecovery.recoverAddress(hash, BigInteger.ONE, BigInteger.ONE, 4));
  }
}
