package io.zgnode.tools.keys;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * scrypt (RFC 7914). BouncyCastle's generator enforces RFC 7914's N < 2^(16r), which refuses
 * keystores geth and ethers write and read (the Web3 Secret Storage vector itself has N = 2^18 with
 * r = 1); like them, this one only requires N to be a power of two above 1.
 */
final class Scrypt {
  private Scrypt() {}

  static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int dkLen) {
    int blockInts = 32 * r;
    byte[] b = pbkdf2(password, salt, p * 128 * r);
    int[] x = new int[blockInts];
    int[] v = new int[n * blockInts];
    int[] scratch = new int[blockInts];
    int[] t = new int[16];
    for (int i = 0; i < p; i++) {
      int off = i * 128 * r;
      for (int k = 0; k < blockInts; k++) {
        x[k] = littleEndian(b, off + 4 * k);
      }
      for (int j = 0; j < n; j++) {
        System.arraycopy(x, 0, v, j * blockInts, blockInts);
        blockMix(x, scratch, t, r);
      }
      for (int j = 0; j < n; j++) {
        int row = (x[(2 * r - 1) * 16] & (n - 1)) * blockInts;
        for (int k = 0; k < blockInts; k++) {
          x[k] ^= v[row + k];
        }
        blockMix(x, scratch, t, r);
      }
      for (int k = 0; k < blockInts; k++) {
        int w = x[k];
        b[off + 4 * k] = (byte) w;
        b[off + 4 * k + 1] = (byte) (w >>> 8);
        b[off + 4 * k + 2] = (byte) (w >>> 16);
        b[off + 4 * k + 3] = (byte) (w >>> 24);
      }
    }
    java.util.Arrays.fill(v, 0);
    return pbkdf2(password, b, dkLen);
  }

  private static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
    PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
    gen.init(password, salt, 1);
    return ((KeyParameter) gen.generateDerivedParameters(length * 8)).getKey();
  }

  /** BlockMix with Salsa20/8: even output blocks first, then odd ones. */
  private static void blockMix(int[] b, int[] y, int[] t, int r) {
    System.arraycopy(b, (2 * r - 1) * 16, t, 0, 16);
    for (int i = 0; i < 2 * r; i++) {
      for (int k = 0; k < 16; k++) {
        t[k] ^= b[i * 16 + k];
      }
      salsa8(t);
      int dest = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
      System.arraycopy(t, 0, y, dest, 16);
    }
    System.arraycopy(y, 0, b, 0, 32 * r);
  }

  private static void salsa8(int[] b) {
    int x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
    int x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14];
    int x15 = b[15];
    for (int i = 0; i < 8; i += 2) {
      x4 ^= Integer.rotateLeft(x0 + x12, 7);
      x8 ^= Integer.rotateLeft(x4 + x0, 9);
      x12 ^= Integer.rotateLeft(x8 + x4, 13);
      x0 ^= Integer.rotateLeft(x12 + x8, 18);
      x9 ^= Integer.rotateLeft(x5 + x1, 7);
      x13 ^= Integer.rotateLeft(x9 + x5, 9);
      x1 ^= Integer.rotateLeft(x13 + x9, 13);
      x5 ^= Integer.rotateLeft(x1 + x13, 18);
      x14 ^= Integer.rotateLeft(x10 + x6, 7);
      x2 ^= Integer.rotateLeft(x14 + x10, 9);
      x6 ^= Integer.rotateLeft(x2 + x14, 13);
      x10 ^= Integer.rotateLeft(x6 + x2, 18);
      x3 ^= Integer.rotateLeft(x15 + x11, 7);
      x7 ^= Integer.rotateLeft(x3 + x15, 9);
      x11 ^= Integer.rotateLeft(x7 + x3, 13);
      x15 ^= Integer.rotateLeft(x11 + x7, 18);
      x1 ^= Integer.rotateLeft(x0 + x3, 7);
      x2 ^= Integer.rotateLeft(x1 + x0, 9);
      x3 ^= Integer.rotateLeft(x2 + x1, 13);
      x0 ^= Integer.rotateLeft(x3 + x2, 18);
      x6 ^= Integer.rotateLeft(x5 + x4, 7);
      x7 ^= Integer.rotateLeft(x6 + x5, 9);
      x4 ^= Integer.rotateLeft(x7 + x6, 13);
      x5 ^= Integer.rotateLeft(x4 + x7, 18);
      x11 ^= Integer.rotateLeft(x10 + x9, 7);
      x8 ^= Integer.rotateLeft(x11 + x10, 9);
      x9 ^= Integer.rotateLeft(x8 + x11, 13);
      x10 ^= Integer.rotateLeft(x9 + x8, 18);
      x12 ^= Integer.rotateLeft(x15 + x14, 7);
      x13 ^= Integer.rotateLeft(x12 + x15, 9);
      x14 ^= Integer.rotateLeft(x13 + x12, 13);
      x15 ^= Integer.rotateLeft(x14 + x13, 18);
    }
    b[0] += x0;
    b[1] += x1;
    b[2] += x2;
    b[3] += x3;
    b[4] += x4;
    b[5] += x5;
    b[6] += x6;
    b[7] += x7;
    b[8] += x8;
    b[9] += x9;
    b[10] += x10;
    b[11] += x11;
    b[12] += x12;
    b[13] += x13;
    b[14] += x14;
    b[15] += x15;
  }

  private static int littleEndian(byte[] b, int off) {
    return (b[off] & 0xff)
        | (b[off + 1] & 0xff) << 8
        | (b[off + 2] & 0xff) << 16
        | (b[off + 3] & 0xff) << 24;
  }
}
