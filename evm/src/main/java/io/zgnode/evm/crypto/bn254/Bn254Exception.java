package io.zgnode.evm.crypto.bn254;

/**
 * Bad input to the BN254 code: a coordinate not below the field modulus, a point off the curve or
 * outside the prime-order subgroup, a byte string of the wrong length.
 */
public final class Bn254Exception extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public Bn254Exception(String message) {
    super(message);
  }
}
