/**
 * The BN254 (alt_bn128) pairing-friendly curve: the curve of the EVM precompiles 0x06-0x08 and of
 * 0G DA attestation signatures.
 *
 * <p>Public types: {@link io.zgnode.evm.crypto.bn254.Fp}, {@link io.zgnode.evm.crypto.bn254.Fp2}
 * and {@link io.zgnode.evm.crypto.bn254.Fp12} (field values), {@link io.zgnode.evm.crypto.bn254.Fr}
 * (scalars), {@link io.zgnode.evm.crypto.bn254.G1Point} and {@link
 * io.zgnode.evm.crypto.bn254.G2Point} (always-valid group elements with their byte encodings and
 * the 0G hash to G1), {@link io.zgnode.evm.crypto.bn254.Pairing} (the optimal ate pairing and the
 * multi-pairing check), {@link io.zgnode.evm.crypto.bn254.Bn254Exception} (bad input).
 *
 * <p>Inside: Montgomery arithmetic on four 64-bit limbs held in {@code long[]} arrays at offsets
 * (the {@code *Arith} classes), so that the pairing's loops allocate no object per field operation;
 * the tower Fp2 = Fp[i]/(i^2+1), Fp6 = Fp2[v]/(v^3-(9+i)), Fp12 = Fp6[w]/(w^2-v); Jacobian
 * coordinates for G1 and G2, homogeneous projective ones in the Miller loop; GLV for G1 scalar
 * multiplication; the endomorphism test for G2 membership; Granger–Scott squarings in the final
 * exponentiation.
 *
 * <p>Not constant-time: timing depends on the inputs (scalar digits, inversion, subgroup checks).
 * That suits public data (the EVM, signature verification); do not use it to handle secret keys
 * where an attacker can time the process.
 */
package io.zgnode.evm.crypto.bn254;
