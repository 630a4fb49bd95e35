package io.zgnode.tools.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.zgnode.evm.bytes.Hex;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

/** RFC 7914 section 12's vectors, and agreement with BouncyCastle wherever it accepts the input. */
class ScryptTest {
  @Test
  void rfc7914Vectors() {
    assertArrayEquals(
        Hex.decode(
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"),
        Scrypt.derive(new byte[0], new byte[0], 16, 1, 1, 64));
    assertArrayEquals(
        Hex.decode(
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
        Scrypt.derive(ascii("password"), ascii("NaCl"), 1024, 8, 16, 64));
  }

  @Test
  void agreesWithBouncyCastle() {
    byte[] pw = ascii("correct horse");
    byte[] salt = ascii("battery staple");
    int[][] params = {{2, 1, 1}, {1024, 2, 3}, {4096, 8, 6}, {16, 4, 1}};
    for (int[] p : params) {
      assertArrayEquals(
          SCrypt.generate(pw, salt, p[0], p[1], p[2], 32),
          Scrypt.derive(pw, salt, p[0], p[1], p[2], 32));
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
