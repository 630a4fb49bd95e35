package io.zgnode.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * 0x100 P256VERIFY (EIP-7951): ECDSA verification over secp256r1. Input exactly 160 bytes: message
 * hash, r, s, public key x, public key y (32 bytes each). Returns the 32-byte word 1 for a valid
 * signature and empty output otherwise; it never fails the call. EIP-7951's checks: r and s in (0,
 * n); x and y below p, on the curve and not the point at infinity; the recomputed point not at
 * infinity and its x coordinate congruent to r modulo n. Gas 6900 whatever the input.
 */
public final class P256Verify implements Precompile {
  static final long GAS = 6900;
  static final int INPUT_LENGTH = 160;

  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256r1");
  private static final ECCurve CURVE = PARAMS.getCurve();
  private static final ECPoint G = PARAMS.getG();
  private static final BigInteger N = PARAMS.getN();
  private static final BigInteger P = CURVE.getField().getCharacteristic();
  private static final byte[] EMPTY = new byte[0];

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    return PrecompileResult.success(verify(input) ? valid() : EMPTY);
  }

  private static boolean verify(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return false;
    }
    BigInteger e = word(input, 0);
    BigInteger r = word(input, 1);
    BigInteger s = word(input, 2);
    BigInteger qx = word(input, 3);
    BigInteger qy = word(input, 4);
    if (!inScalarRange(r) || !inScalarRange(s)) {
      return false;
    }
    if (qx.compareTo(P) >= 0 || qy.compareTo(P) >= 0) {
      return false;
    }
    // (0, 0) stands for no point at all; it is also off the curve, but say so explicitly.
    if (qx.signum() == 0 && qy.signum() == 0) {
      return false;
    }
    ECPoint q = CURVE.createPoint(qx, qy);
    if (!q.isValid()) {
      return false;
    }
    BigInteger w = BigIntegers.modOddInverseVar(N, s);
    BigInteger u1 = e.multiply(w).mod(N);
    BigInteger u2 = r.multiply(w).mod(N);
    ECPoint rPoint = ECAlgorithms.sumOfTwoMultiplies(G, u1, q, u2).normalize();
    if (rPoint.isInfinity()) {
      return false;
    }
    return rPoint.getAffineXCoord().toBigInteger().mod(N).equals(r);
  }

  private static boolean inScalarRange(BigInteger v) {
    return v.signum() > 0 && v.compareTo(N) < 0;
  }

  private static BigInteger word(byte[] input, int index) {
    return new BigInteger(1, Arrays.copyOfRange(input, 32 * index, 32 * index + 32));
  }

  private static byte[] valid() {
    byte[] out = new byte[32];
    out[31] = 1;
    return out;
  }
}
