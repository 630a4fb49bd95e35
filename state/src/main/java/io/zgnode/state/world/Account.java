package io.zgnode.state.world;

import io.zgnode.evm.rlp.RlpException;
import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An Ethereum account as the account trie stores it: RLP [nonce, balance, storageRoot, codeHash].
 * Immutable, so safe to share between threads.
 *
 * @param nonce an unsigned 64-bit value (EIP-2681 caps it at 2^64-1; compare with {@link
 *     Long#compareUnsigned})
 * @param balance in wei, 0 <= balance < 2^256
 * @param storageRoot the root of the account's storage trie
 * @param codeHash keccak256 of the account's code ({@link Hash#EMPTY_CODE} without code)
 */
public record Account(long nonce, BigInteger balance, Hash storageRoot, Hash codeHash) {
  /** 2^256 - 1, the largest balance. */
  public static final BigInteger MAX_BALANCE =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  /** A new account: nonce 0, no balance, no storage, no code. */
  public static final Account EMPTY =
      new Account(0, BigInteger.ZERO, Hash.EMPTY_TRIE, Hash.EMPTY_CODE);

  public Account {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(storageRoot, "storageRoot");
    Objects.requireNonNull(codeHash, "codeHash");
    if (balance.signum() < 0 || balance.bitLength() > 256) {
      throw new IllegalArgumentException("balance out of range [0, 2^256): " + balance);
    }
  }

  /** Empty in the sense of EIP-161: nonce 0, balance 0 and no code (storage does not count). */
  public boolean isEmpty() {
    return nonce == 0 && balance.signum() == 0 && codeHash.equals(Hash.EMPTY_CODE);
  }

  public boolean hasCode() {
    return !codeHash.equals(Hash.EMPTY_CODE);
  }

  public Account withNonce(long n) {
    return new Account(n, balance, storageRoot, codeHash);
  }

  public Account withBalance(BigInteger b) {
    return new Account(nonce, b, storageRoot, codeHash);
  }

  public Account withStorageRoot(Hash root) {
    return new Account(nonce, balance, root, codeHash);
  }

  public Account withCodeHash(Hash hash) {
    return new Account(nonce, balance, storageRoot, hash);
  }

  public byte[] encode() {
    return new RlpWriter(112)
        .startList()
        .writeLong(nonce)
        .writeBigInteger(balance)
        .writeBytes(storageRoot.bytesUnsafe())
        .writeBytes(codeHash.bytesUnsafe())
        .endList()
        .toByteArray();
  }

  /**
   * Decodes strict, canonical RLP.
   *
   * @throws IllegalArgumentException (an {@link RlpException}) naming the field that is wrong
   */
  public static Account decode(byte[] rlp) {
    try {
      RlpReader r = RlpReader.ofSingleItem(rlp).readList();
      long nonce = r.readLong("account nonce");
      BigInteger balance = r.readBigInteger(32, "account balance");
      Hash storageRoot = Hash.wrapOwned(r.readBytes(32, "account storage root"));
      Hash codeHash = Hash.wrapOwned(r.readBytes(32, "account code hash"));
      r.requireEnd("account");
      return new Account(nonce, balance, storageRoot, codeHash);
    } catch (RlpException e) {
      throw new RlpException("invalid account RLP: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "Account[nonce="
        + Long.toUnsignedString(nonce)
        + ", balance="
        + balance
        + ", storageRoot="
        + storageRoot
        + ", codeHash="
        + codeHash
        + "]";
  }
}
