package io.zgnode.evm.precompile;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.precompile.bls12381.Bls12G1Add;
import io.zgnode.evm.precompile.bls12381.Bls12G1Msm;
import io.zgnode.evm.precompile.bls12381.Bls12G2Add;
import io.zgnode.evm.precompile.bls12381.Bls12G2Msm;
import io.zgnode.evm.precompile.bls12381.Bls12MapFp2ToG2;
import io.zgnode.evm.precompile.bls12381.Bls12MapFpToG1;
import io.zgnode.evm.precompile.bls12381.Bls12PairingCheck;
import io.zgnode.evm.precompile.bn254.Bn254Add;
import io.zgnode.evm.precompile.bn254.Bn254Mul;
import io.zgnode.evm.precompile.bn254.Bn254Pairing;
import io.zgnode.evm.types.Address;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The precompiled contracts of each fork, by address:
 *
 * <ul>
 *   <li>London, Paris, Shanghai: 0x01 to 0x09 (ecrecover, sha256, ripemd160, identity, modexp under
 *       EIP-2565, the three BN254 operations, blake2f);
 *   <li>Cancun adds 0x0a, KZG point evaluation;
 *   <li>Prague adds 0x0b to 0x11, the BLS12-381 operations;
 *   <li>Osaka adds 0x100, P256VERIFY, and prices modexp by EIP-7883 with EIP-7823's bounds.
 * </ul>
 *
 * <p>Each fork's map is built once, immutable, and iterates in address order. The precompiles are
 * stateless and shared between forks.
 */
public final class PrecompileRegistry {
  private static final Map<Fork, Map<Address, Precompile>> BY_FORK = buildAll();

  private PrecompileRegistry() {}

  /** The precompiles active in {@code fork}, keyed by address, in ascending address order. */
  public static Map<Address, Precompile> forFork(Fork fork) {
    if (fork == null) {
      throw new IllegalArgumentException("fork is required");
    }
    return BY_FORK.get(fork);
  }

  private static Map<Fork, Map<Address, Precompile>> buildAll() {
    Precompile ecRecover = new EcRecover();
    Precompile sha256 = new Sha256();
    Precompile ripemd160 = new Ripemd160();
    Precompile identity = new Identity();
    Precompile bn254Add = new Bn254Add();
    Precompile bn254Mul = new Bn254Mul();
    Precompile bn254Pairing = new Bn254Pairing();
    Precompile blake2f = new Blake2F();
    Precompile pointEvaluation = new PointEvaluation();
    Precompile g1Add = new Bls12G1Add();
    Precompile g1Msm = new Bls12G1Msm();
    Precompile g2Add = new Bls12G2Add();
    Precompile g2Msm = new Bls12G2Msm();
    Precompile pairingCheck = new Bls12PairingCheck();
    Precompile mapFpToG1 = new Bls12MapFpToG1();
    Precompile mapFp2ToG2 = new Bls12MapFp2ToG2();
    Precompile p256Verify = new P256Verify();

    Map<Fork, Map<Address, Precompile>> all = new EnumMap<>(Fork.class);
    for (Fork fork : Fork.values()) {
      SortedMap<Address, Precompile> map = new TreeMap<>();
      map.put(address(0x01), ecRecover);
      map.put(address(0x02), sha256);
      map.put(address(0x03), ripemd160);
      map.put(address(0x04), identity);
      map.put(address(0x05), fork.isAtLeast(Fork.OSAKA) ? ModExp.osaka() : ModExp.berlin());
      map.put(address(0x06), bn254Add);
      map.put(address(0x07), bn254Mul);
      map.put(address(0x08), bn254Pairing);
      map.put(address(0x09), blake2f);
      if (fork.isAtLeast(Fork.CANCUN)) {
        map.put(address(0x0a), pointEvaluation);
      }
      if (fork.isAtLeast(Fork.PRAGUE)) {
        map.put(address(0x0b), g1Add);
        map.put(address(0x0c), g1Msm);
        map.put(address(0x0d), g2Add);
        map.put(address(0x0e), g2Msm);
        map.put(address(0x0f), pairingCheck);
        map.put(address(0x10), mapFpToG1);
        map.put(address(0x11), mapFp2ToG2);
      }
      if (fork.isAtLeast(Fork.OSAKA)) {
        map.put(address(0x100), p256Verify);
      }
      all.put(fork, Collections.unmodifiableSortedMap(map));
    }
    return Collections.unmodifiableMap(all);
  }

  private static Address address(long value) {
    return Address.fromLong(value);
  }
}
