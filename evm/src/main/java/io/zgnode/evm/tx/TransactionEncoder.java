package io.zgnode.evm.tx;

import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Hash;

/** Writes the network form and the signing payload of each transaction type. */
final class TransactionEncoder {
  private TransactionEncoder() {}

  /** The canonical network form: the legacy RLP list, or {@code type || rlp(fields)}. */
  static byte[] encode(Transaction tx) {
    RlpWriter w = start(tx);
    writeFields(w, tx);
    if (tx.type() == TransactionType.LEGACY) {
      w.writeBigInteger(tx.v());
    } else {
      w.writeLong(tx.yParity());
    }
    w.writeBigInteger(tx.r()).writeBigInteger(tx.s());
    return w.endList().toByteArray();
  }

  /** The bytes whose keccak256 the sender signs. */
  static byte[] signingPayload(Transaction tx) {
    RlpWriter w = start(tx);
    writeFields(w, tx);
    if (tx.type() == TransactionType.LEGACY && tx.chainId() != null) {
      // EIP-155: the chain id takes v's place and r, s are zero.
      w.writeBigInteger(tx.chainId()).writeLong(0).writeLong(0);
    }
    return w.endList().toByteArray();
  }

  private static RlpWriter start(Transaction tx) {
    RlpWriter w =
        new RlpWriter(
            tx.data().length
                + 240
                + 64 * tx.accessList().size()
                + 34 * tx.blobVersionedHashes().size()
                + 140 * tx.authorizationList().size());
    if (tx.type() != TransactionType.LEGACY) {
      w.writeRaw(new byte[] {(byte) tx.type().code()});
    }
    return w.startList();
  }

  private static void writeFields(RlpWriter w, Transaction tx) {
    TransactionType type = tx.type();
    if (type != TransactionType.LEGACY) {
      w.writeBigInteger(tx.chainId());
    }
    w.writeLong(tx.nonce());
    if (type.hasDynamicFee()) {
      w.writeBigInteger(tx.maxPriorityFeePerGas());
    }
    w.writeBigInteger(tx.maxFeePerGas());
    w.writeLong(tx.gasLimit());
    if (tx.to() == null) {
      w.writeBytes(new byte[0]);
    } else {
      w.writeBytes(tx.to().bytesUnsafe());
    }
    w.writeBigInteger(tx.value());
    w.writeBytes(tx.data());
    if (type == TransactionType.LEGACY) {
      return;
    }
    w.startList();
    for (AccessListEntry e : tx.accessList()) {
      w.startList().writeBytes(e.address().bytesUnsafe()).startList();
      for (Hash key : e.storageKeys()) {
        w.writeBytes(key.bytesUnsafe());
      }
      w.endList().endList();
    }
    w.endList();
    if (type == TransactionType.BLOB) {
      w.writeBigInteger(tx.maxFeePerBlobGas());
      w.startList();
      for (Hash h : tx.blobVersionedHashes()) {
        w.writeBytes(h.bytesUnsafe());
      }
      w.endList();
    } else if (type == TransactionType.SET_CODE) {
      w.startList();
      for (Authorization a : tx.authorizationList()) {
        a.writeTo(w);
      }
      w.endList();
    }
  }
}
