package io.zgnode.evm.precompile.bls12381;

/**
 * Bad precompile input found while decoding; the precompile turns it into a failed call. Carries no
 * stack trace: it is an expected outcome on untrusted input, not a fault.
 */
final class InvalidInput extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidInput(String message) {
    super(message, null, false, false);
  }
}
