package io.zgnode.evm.tx;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;

/**
 * One EIP-7702 authorization tuple: the authority (who signed it) delegates its code to {@code
 * address}. {@code chainId} 0 means any chain. {@code yParity} is kept as decoded (0..255); only 0
 * and 1 can be valid, which is checked when the authority is recovered, not when decoding, because
 * an invalid tuple is skipped rather than invalidating its transaction.
 */
public record Authorization(
    BigInteger chainId, Address address, long nonce, int yParity, BigInteger r, BigInteger s) {

  /** The magic byte that domain-separates authorization signatures from transactions. */
  public static final int MAGIC = 0x05;

  public Authorization {
    if (chainId == null || address == null || r == null || s == null) {
      throw new IllegalArgumentException("authorization fields are required");
    }
    checkUint256(chainId, "chainId");
    checkUint256(r, "r");
    checkUint256(s, "s");
    if (yParity < 0 || yParity > 0xff) {
      throw new IllegalArgumentException("authorization yParity must fit 8 bits, got " + yParity);
    }
  }

  /** keccak256(0x05 || rlp([chainId, address, nonce])): what the authority signs. */
  public byte[] signingHash() {
    return signingHash(chainId, address, nonce);
  }

  static byte[] signingHash(BigInteger chainId, Address address, long nonce) {
    RlpWriter w = new RlpWriter(64);
    w.writeRaw(new byte[] {MAGIC});
    w.startList().writeBigInteger(chainId).writeBytes(address.bytesUnsafe()).writeLong(nonce);
    return Keccak256.hash(w.endList().toByteArray());
  }

  /**
   * The address that signed this tuple, or null when the signature is invalid (yParity not 0/1, r
   * or s out of range, s above N/2, or nothing recovers). Whether the tuple applies (chain id,
   * nonce, existing code) is the executor's business.
   */
  public Address authority() {
    if (yParity > 1
        || r.signum() <= 0
        || r.compareTo(Secp256k1.N) >= 0
        || s.signum() <= 0
        || s.compareTo(Secp256k1.HALF_N) > 0) {
      return null;
    }
    return Secp256k1.recoverAddress(signingHash(), r, s, yParity);
  }

  /** Signs a tuple with a private key. */
  public static Authorization sign(
      BigInteger chainId, Address address, long nonce, BigInteger privateKey) {
    checkUint256(chainId, "chainId");
    Secp256k1.Signature sig = Secp256k1.sign(signingHash(chainId, address, nonce), privateKey);
    return new Authorization(chainId, address, nonce, sig.recoveryId(), sig.r(), sig.s());
  }

  void writeTo(RlpWriter w) {
    w.startList()
        .writeBigInteger(chainId)
        .writeBytes(address.bytesUnsafe())
        .writeLong(nonce)
        .writeLong(yParity)
        .writeBigInteger(r)
        .writeBigInteger(s)
        .endList();
  }

  private static void checkUint256(BigInteger v, String what) {
    if (v == null || v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("authorization " + what + " must be a uint256: " + v);
    }
  }
}
