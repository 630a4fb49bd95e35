package io.zgnode.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.precompile.bls12381.Bls12G1Add;
import io.zgnode.evm.precompile.bls12381.Bls12G1Msm;
import io.zgnode.evm.precompile.bls12381.Bls12G2Add;
import io.zgnode.evm.precompile.bls12381.Bls12G2Msm;
import io.zgnode.evm.precompile.bls12381.Bls12MapFp2ToG2;
import io.zgnode.evm.precompile.bls12381.Bls12MapFpToG1;
import io.zgnode.evm.precompile.bls12381.Bls12PairingCheck;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Published precompile vectors (go-ethereum's core/vm/testdata/precompiles, the EIP-2537 and
 * EIP-7951 assets), input to output and gas, one dynamic test per vector.
 *
 * <p>Where the stored version of a vector file predates a later repricing, its Gas field is not the
 * rule in force and the test checks the final price instead (written next to the file below); the
 * output is checked in every case.
 */
class PrecompileVectorsTest {

  /** Gas is the file's own. */
  private static final ToLongFunction<PrecompileVectors.Success> FILE_GAS =
      PrecompileVectors.Success::gas;

  @TestFactory
  Stream<DynamicTest> ecRecover() {
    return successes("ecRecover.json", new EcRecover(), FILE_GAS);
  }

  @TestFactory
  Stream<DynamicTest> blake2f() {
    return Stream.concat(
        successes("blake2F.json", new Blake2F(), FILE_GAS),
        failures("fail-blake2f.json", new Blake2F()));
  }

  @TestFactory
  Stream<DynamicTest> modExpBerlin() {
    return successes("modexp_eip2565.json", ModExp.berlin(), FILE_GAS);
  }

  @TestFactory
  Stream<DynamicTest> modExpOsaka() {
    return successes("modexp_eip7883.json", ModExp.osaka(), FILE_GAS);
  }

  @TestFactory
  Stream<DynamicTest> pointEvaluation() {
    return successes("pointEvaluation.json", new PointEvaluation(), FILE_GAS);
  }

  // The stored p256Verify vectors carry RIP-7212's 3450 gas; EIP-7951 (Osaka) doubled it to 6900.
  @TestFactory
  Stream<DynamicTest> p256Verify() {
    ToLongFunction<PrecompileVectors.Success> eip7951 = v -> 6900;
    return Stream.concat(
        successes("p256Verify.json", new P256Verify(), eip7951),
        successes("p256Verify_geth.json", new P256Verify(), eip7951));
  }

  // EIP-2537 assets. The stored add, mul-G2, pairing and map-to-G2 files carry the gas of an
  // earlier draft (500, 800, 45000, 43000 k + 65000 and 75000); Prague's final schedule
  // is 375, 600, 22500 (a one-pair G2 MSM), 32600 k + 37700 and 23800. The mul-G1, MSM and
  // map-to-G1 files already carry final prices.

  @TestFactory
  Stream<DynamicTest> blsG1Add() {
    return Stream.concat(
        successes("eip2537/add_G1_bls.json", new Bls12G1Add(), v -> 375),
        failures("eip2537/fail-add_G1_bls.json", new Bls12G1Add()));
  }

  @TestFactory
  Stream<DynamicTest> blsG2Add() {
    return Stream.concat(
        successes("eip2537/add_G2_bls.json", new Bls12G2Add(), v -> 600),
        failures("eip2537/fail-add_G2_bls.json", new Bls12G2Add()));
  }

  @TestFactory
  Stream<DynamicTest> blsG1Msm() {
    return Stream.of(
            successes("eip2537/mul_G1_bls.json", new Bls12G1Msm(), FILE_GAS),
            successes("eip2537/msm_G1_bls.json", new Bls12G1Msm(), FILE_GAS),
            failures("eip2537/fail-msm_G1_bls.json", new Bls12G1Msm()))
        .flatMap(s -> s);
  }

  @TestFactory
  Stream<DynamicTest> blsG2Msm() {
    return Stream.of(
            successes("eip2537/mul_G2_bls.json", new Bls12G2Msm(), v -> 22_500),
            successes("eip2537/msm_G2_bls.json", new Bls12G2Msm(), FILE_GAS),
            failures("eip2537/fail-msm_G2_bls.json", new Bls12G2Msm()))
        .flatMap(s -> s);
  }

  @TestFactory
  Stream<DynamicTest> blsPairing() {
    ToLongFunction<PrecompileVectors.Success> prague =
        v -> 32_600L * (v.input().length / 384) + 37_700;
    return Stream.concat(
        successes("eip2537/pairing_check_bls.json", new Bls12PairingCheck(), prague),
        failures("eip2537/fail-pairing_check_bls.json", new Bls12PairingCheck()));
  }

  @TestFactory
  Stream<DynamicTest> blsMapFpToG1() {
    return Stream.concat(
        successes("eip2537/map_fp_to_G1_bls.json", new Bls12MapFpToG1(), FILE_GAS),
        failures("eip2537/fail-map_fp_to_G1_bls.json", new Bls12MapFpToG1()));
  }

  @TestFactory
  Stream<DynamicTest> blsMapFp2ToG2() {
    return Stream.concat(
        successes("eip2537/map_fp2_to_G2_bls.json", new Bls12MapFp2ToG2(), v -> 23_800),
        failures("eip2537/fail-map_fp2_to_G2_bls.json", new Bls12MapFp2ToG2()));
  }

  private static Stream<DynamicTest> successes(
      String file, Precompile precompile, ToLongFunction<PrecompileVectors.Success> gas) {
    List<PrecompileVectors.Success> vectors = PrecompileVectors.successes(file);
    return vectors.stream()
        .map(v ->
            DynamicTest.dynamicTest(
                file + ": " + v.name(),
                () -> {
                  byte[] input = v.input().clone();
                  assertEquals(gas.applyAsLong(v), precompile.gasCost(input), "gas");
                  PrecompileResult result = precompile.execute(input);
                  assertTrue(result.success(), "the call should succeed");
                  assertEquals(Hex.encode(v.expected()), Hex.encode(result.output()));
                  assertArrayEquals(v.input(), input, "the input must not be modified");
                }));
  }

  /** Fail vectors: the call fails (all its gas consumed) and returns nothing. */
  private static Stream<DynamicTest> failures(String file, Precompile precompile) {
    return PrecompileVectors.failures(file).stream()
        .map(v ->
            DynamicTest.dynamicTest(
                file + ": " + v.name() + " (" + v.error() + ")",
                () -> {
                  PrecompileResult result = precompile.execute(v.input());
                  assertFalse(result.success(), "the call should fail");
                  assertEquals(0, result.output().length);
                }));
  }
}
