package io.zgnode.evm.precompile.bls12381;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** EIP-2537 cases the published vectors do not reach, and cross-checks between precompiles. */
class Bls12EdgeCasesTest {
  private static final String PAD = "00000000000000000000000000000000";
  private static final String G1 =
      PAD
          + "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"
          + PAD
          + "08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1";
  private static final String G2 =
      PAD
          + "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"
          + PAD
          + "13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
          + PAD
          + "0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"
          + PAD
          + "0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be";
  private static final String INF1 = "00".repeat(128);
  private static final String INF2 = "00".repeat(256);

  /** (0, 2) and (0, p - 2): on the curve, order 3, refused by blst's loader. */
  private static final String ORDER3 = fp(BigInteger.ZERO) + fp(BigInteger.TWO);

  private static final String ORDER3_NEG = fp(BigInteger.ZERO) + fp(Fp.P.subtract(BigInteger.TWO));

  private static String fp(BigInteger v) {
    return String.format("%0128x", v);
  }

  private static String scalar(BigInteger v) {
    return String.format("%064x", v);
  }

  private static byte[] run(Precompile precompile, String hexInput) {
    PrecompileResult r = precompile.execute(Hex.decode(hexInput));
    assertTrue(r.success(), "expected success");
    return r.output();
  }

  private static void fails(Precompile precompile, String hexInput) {
    PrecompileResult r = precompile.execute(Hex.decode(hexInput));
    assertFalse(r.success(), "expected failure");
  }

  @Test
  void g1AddAcceptsTheOrderThreePoints() {
    Bls12G1Add add = new Bls12G1Add();
    // (0,2) + (0,2) = (0,-2); (0,2) + (0,-2) = infinity; inf + (0,2) = (0,2).
    assertEquals("0x" + ORDER3_NEG, Hex.encode(run(add, ORDER3 + ORDER3)));
    assertEquals("0x" + INF1, Hex.encode(run(add, ORDER3 + ORDER3_NEG)));
    assertEquals("0x" + ORDER3, Hex.encode(run(add, INF1 + ORDER3)));
    // (0,2) + G1, computed independently with affine formulas.
    String expected =
        PAD
            + "05020378a6838af221e734b3a81940eb3ff19c2a7f8cf26150dfc38fc41c37551dc92bb5593d30d4dfc2ee4bb09ad05b"
            + PAD
            + "076f64915185eb7884a368612afcdeb1256b5cda1f116babef88edcf9f60ba73c78b7b2b5fdc41d24e605bf15470ee66";
    assertEquals("0x" + expected, Hex.encode(run(add, ORDER3 + G1)));
    assertEquals("0x" + expected, Hex.encode(run(add, G1 + ORDER3)));
    // x = 0 with any other y is off the curve.
    fails(add, fp(BigInteger.ZERO) + fp(BigInteger.valueOf(3)) + G1);
  }

  @Test
  void orderThreePointsFailWhereTheSubgroupIsChecked() {
    fails(new Bls12G1Msm(), ORDER3 + scalar(BigInteger.ONE));
    fails(new Bls12G1Msm(), ORDER3 + scalar(BigInteger.ZERO));
    fails(new Bls12PairingCheck(), ORDER3 + G2);
  }

  @Test
  void msmEqualsTheSumOfSingleMultiplications() {
    Random random = new Random(2537);
    Bls12G1Msm g1Msm = new Bls12G1Msm();
    Bls12G1Add g1Add = new Bls12G1Add();
    Bls12G2Msm g2Msm = new Bls12G2Msm();
    Bls12G2Add g2Add = new Bls12G2Add();
    StringBuilder in1 = new StringBuilder();
    StringBuilder in2 = new StringBuilder();
    String sum1 = INF1;
    String sum2 = INF2;
    for (int i = 0; i < 5; i++) {
      // Points k * G, scalars of full 256-bit width (above r, so reduction is exercised).
      String p1 = Hex.encodePlain(run(g1Msm, G1 + scalar(BigInteger.valueOf(i + 2))));
      String p2 = Hex.encodePlain(run(g2Msm, G2 + scalar(BigInteger.valueOf(i + 2))));
      String s = scalar(new BigInteger(256, random));
      in1.append(p1).append(s);
      in2.append(p2).append(s);
      sum1 = Hex.encodePlain(run(g1Add, sum1 + Hex.encodePlain(run(g1Msm, p1 + s))));
      sum2 = Hex.encodePlain(run(g2Add, sum2 + Hex.encodePlain(run(g2Msm, p2 + s))));
    }
    assertEquals(sum1, Hex.encodePlain(run(g1Msm, in1.toString())));
    assertEquals(sum2, Hex.encodePlain(run(g2Msm, in2.toString())));
  }

  @Test
  void scalarEqualToTheOrderGivesInfinity() {
    assertEquals("0x" + INF1, Hex.encode(run(new Bls12G1Msm(), G1 + scalar(BlsCodec.R))));
    assertEquals("0x" + INF2, Hex.encode(run(new Bls12G2Msm(), G2 + scalar(BlsCodec.R))));
  }

  @Test
  void msmGasFollowsTheDiscountTables() {
    Bls12G1Msm g1 = new Bls12G1Msm();
    Bls12G2Msm g2 = new Bls12G2Msm();
    assertEquals(0, g1.gasCost(new byte[0]));
    assertEquals(12_000, g1.gasCost(new byte[160]));
    assertEquals(12_000, g1.gasCost(new byte[319]), "k counts whole pairs");
    assertEquals(2 * 12_000 * 949 / 1000, g1.gasCost(new byte[320]));
    assertEquals(128L * 12_000 * 519 / 1000, g1.gasCost(new byte[160 * 128]));
    assertEquals(200L * 12_000 * 519 / 1000, g1.gasCost(new byte[160 * 200]), "capped discount");
    assertEquals(22_500, g2.gasCost(new byte[288]));
    assertEquals(2 * 22_500, g2.gasCost(new byte[576]));
    assertEquals(3L * 22_500 * 923 / 1000, g2.gasCost(new byte[288 * 3]));
    assertEquals(300L * 22_500 * 524 / 1000, g2.gasCost(new byte[288 * 300]));
    assertEquals(128, MsmDiscount.G1.length);
    assertEquals(128, MsmDiscount.G2.length);
  }

  @Test
  void manyInfinityPairsAreValid() {
    // 130 infinity pairs: past the discount table, all skipped, infinity out.
    String in = (INF1 + scalar(BigInteger.TEN)).repeat(130);
    assertEquals("0x" + INF1, Hex.encode(run(new Bls12G1Msm(), in)));
  }

  @Test
  void pairingEdgeCases() {
    Bls12PairingCheck pairing = new Bls12PairingCheck();
    String one = "0x" + "00".repeat(31) + "01";
    assertEquals(one, Hex.encode(run(pairing, INF1 + INF2)));
    assertEquals(one, Hex.encode(run(pairing, INF1 + G2 + G1 + INF2)));
    assertEquals(37_700 + 32_600, pairing.gasCost(new byte[384]));
    assertEquals(37_700 + 3 * 32_600, pairing.gasCost(new byte[384 * 3]));
    fails(pairing, "");
    fails(pairing, G1 + G2 + "00");
  }

  @Test
  void fixedGasOfTheOtherOperations() {
    assertEquals(375, new Bls12G1Add().gasCost(new byte[0]));
    assertEquals(600, new Bls12G2Add().gasCost(new byte[0]));
    assertEquals(5500, new Bls12MapFpToG1().gasCost(new byte[0]));
    assertEquals(23_800, new Bls12MapFp2ToG2().gasCost(new byte[0]));
  }

  @Test
  void mappedPointsAreInTheSubgroup() {
    Random random = new Random(9380);
    for (int i = 0; i < 8; i++) {
      BigInteger u0 = new BigInteger(380, random).mod(Fp.P);
      BigInteger u1 = new BigInteger(380, random).mod(Fp.P);
      byte[] g1 = run(new Bls12MapFpToG1(), fp(u0));
      byte[] g2 = run(new Bls12MapFp2ToG2(), fp(u0) + fp(u1));
      // The subgroup check of MSM accepts them, and r * P is infinity.
      assertEquals(
          "0x" + INF1, Hex.encode(run(new Bls12G1Msm(), Hex.encodePlain(g1) + scalar(BlsCodec.R))));
      assertEquals(
          "0x" + INF2, Hex.encode(run(new Bls12G2Msm(), Hex.encodePlain(g2) + scalar(BlsCodec.R))));
    }
    // The exceptional inputs of simplified SWU (u = 0) map without trouble.
    assertNotNull(run(new Bls12MapFpToG1(), fp(BigInteger.ZERO)));
    assertNotNull(run(new Bls12MapFp2ToG2(), fp(BigInteger.ZERO) + fp(BigInteger.ZERO)));
  }

  @Test
  void fieldSquareRoots() {
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      Fp2 a = new Fp2(new BigInteger(380, random).mod(Fp.P), new BigInteger(380, random).mod(Fp.P));
      Fp2 square = a.square();
      Fp2 root = square.sqrt();
      assertNotNull(root);
      assertEquals(square, root.square());
      assertEquals(Fp2.ONE, a.mul(a.inv()));
    }
    // A non-square: the SWU constant Z = -(2 + i) is chosen to be one.
    Fp2 z = new Fp2(Fp.neg(BigInteger.TWO), Fp.neg(BigInteger.ONE));
    assertEquals(null, z.sqrt());
    assertArrayEquals(new byte[48], BlsCodec.toBytes48(BigInteger.ZERO));
  }
}
