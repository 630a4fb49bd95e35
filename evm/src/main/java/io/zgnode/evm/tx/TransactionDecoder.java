package io.zgnode.evm.tx;

import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.rlp.RlpException;
import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.tx.InvalidTransactionException.Reason;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the network form of a transaction: a legacy RLP list, or a type byte 0x01-0x04 followed
 * by one RLP list. Strict: canonical RLP only, exact field counts, integers without leading zeros
 * and within their widths, addresses of exactly 20 bytes, no trailing bytes, a legacy v of 27/28 or
 * chainId*2+35/36, a typed y parity of 0/1, and r and s in [1, N-1].
 *
 * <p>Every malformed input yields an {@link InvalidTransactionException}; nothing else escapes.
 * Fork-dependent rules (high s, intrinsic gas, ...) are in {@link TransactionValidator}.
 */
public final class TransactionDecoder {
  private static final BigInteger V27 = BigInteger.valueOf(27);
  private static final BigInteger V28 = BigInteger.valueOf(28);
  private static final BigInteger V35 = BigInteger.valueOf(35);

  private TransactionDecoder() {}

  /** Decodes a transaction of any known type, whatever the fork. */
  public static Transaction decode(byte[] raw) {
    return decode(raw, null);
  }

  /**
   * Decodes a transaction, first rejecting a type that {@code fork} does not support (so a node
   * before Prague never parses a set-code payload). A null fork accepts every known type.
   */
  public static Transaction decode(byte[] raw, Fork fork) {
    if (raw == null || raw.length == 0) {
      throw malformed("empty input: expected a transaction");
    }
    int first = raw[0] & 0xff;
    if (first >= 0xc0) {
      return decodeLegacy(raw.clone());
    }
    if (first >= 0x80) {
      throw malformed(
          String.format(
              "expected a legacy transaction list or a type byte, found an RLP string header"
                  + " 0x%02x",
              first));
    }
    TransactionType type = TransactionType.fromCode(first);
    if (type == null || type == TransactionType.LEGACY) {
      throw new InvalidTransactionException(
          Reason.TYPE_NOT_SUPPORTED, String.format("unsupported transaction type 0x%02x", first));
    }
    if (fork != null && !type.isSupportedIn(fork)) {
      throw new InvalidTransactionException(
          Reason.TYPE_NOT_SUPPORTED,
          String.format(
              "transaction type 0x%02x (%s) is not supported before %s (fork is %s)",
              first, type, type.introducedIn(), fork));
    }
    return decodeTyped(type, raw.clone());
  }

  private static Transaction decodeLegacy(byte[] raw) {
    Fields f = Fields.of(raw, 0, "legacy transaction");
    long nonce = f.u64("nonce", Reason.NONCE_TOO_LARGE);
    BigInteger gasPrice = f.u256("gasPrice", Reason.FEE_TOO_LARGE);
    long gasLimit = f.u64("gasLimit", Reason.GAS_LIMIT_TOO_LARGE);
    Address to = f.to(true);
    BigInteger value = f.u256("value", Reason.VALUE_TOO_LARGE);
    byte[] data = f.bytes("data");
    BigInteger v = f.uint("v", 32, Reason.INVALID_CHAIN_ID);
    BigInteger r = f.signatureScalar("r");
    BigInteger s = f.signatureScalar("s");
    f.end(9);

    BigInteger chainId;
    int yParity;
    if (v.equals(V27) || v.equals(V28)) {
      chainId = null;
      yParity = v.intValue() - 27;
    } else if (v.compareTo(V35) >= 0) {
      BigInteger[] qr = v.subtract(V35).divideAndRemainder(BigInteger.TWO);
      chainId = qr[0];
      yParity = qr[1].intValue();
    } else if (v.signum() == 0 || v.equals(BigInteger.ONE)) {
      // A bare parity is how typed transactions write v; in a legacy one it is a bad signature.
      throw new InvalidTransactionException(
          Reason.INVALID_SIGNATURE,
          "invalid signature: legacy v must be 27, 28 or chainId*2+35/36, got " + v);
    } else {
      throw new InvalidTransactionException(
          Reason.INVALID_CHAIN_ID,
          "invalid chain id in v: v must be 27, 28 or chainId*2+35/36, got " + v);
    }
    checkSignatureRange(r, s);
    return new Transaction(
        TransactionType.LEGACY,
        chainId,
        nonce,
        gasPrice,
        gasPrice,
        gasLimit,
        to,
        value,
        data,
        List.of(),
        null,
        List.of(),
        List.of(),
        v,
        r,
        s,
        yParity,
        raw);
  }

  private static Transaction decodeTyped(TransactionType type, byte[] raw) {
    String what = type + " transaction";
    Fields f = Fields.of(raw, 1, what);
    BigInteger chainId = f.u256("chainId", Reason.INVALID_CHAIN_ID);
    long nonce = f.u64("nonce", Reason.NONCE_TOO_LARGE);
    BigInteger maxPriorityFee;
    BigInteger maxFee;
    if (type == TransactionType.ACCESS_LIST) {
      maxFee = f.u256("gasPrice", Reason.FEE_TOO_LARGE);
      maxPriorityFee = maxFee;
    } else {
      maxPriorityFee = f.u256("maxPriorityFeePerGas", Reason.FEE_TOO_LARGE);
      maxFee = f.u256("maxFeePerGas", Reason.FEE_TOO_LARGE);
    }
    long gasLimit = f.u64("gasLimit", Reason.GAS_LIMIT_TOO_LARGE);
    // Blob and set-code transactions cannot create contracts: their recipient is required.
    Address to = f.to(type != TransactionType.BLOB && type != TransactionType.SET_CODE);
    BigInteger value = f.u256("value", Reason.VALUE_TOO_LARGE);
    byte[] data = f.bytes("data");
    List<AccessListEntry> accessList = f.accessList();
    BigInteger maxFeePerBlobGas = null;
    List<Hash> blobHashes = List.of();
    List<Authorization> authorizations = List.of();
    int fieldCount = 11;
    if (type == TransactionType.EIP1559) {
      fieldCount = 12;
    } else if (type == TransactionType.BLOB) {
      maxFeePerBlobGas = f.u256("maxFeePerBlobGas", Reason.FEE_TOO_LARGE);
      blobHashes = f.hashList("blobVersionedHashes");
      fieldCount = 14;
    } else if (type == TransactionType.SET_CODE) {
      authorizations = f.authorizationList();
      fieldCount = 13;
    }
    int yParity = f.yParity();
    BigInteger r = f.signatureScalar("r");
    BigInteger s = f.signatureScalar("s");
    f.end(fieldCount);
    checkSignatureRange(r, s);
    return new Transaction(
        type,
        chainId,
        nonce,
        maxPriorityFee,
        maxFee,
        gasLimit,
        to,
        value,
        data,
        accessList,
        maxFeePerBlobGas,
        blobHashes,
        authorizations,
        BigInteger.valueOf(yParity),
        r,
        s,
        yParity,
        raw);
  }

  private static void checkSignatureRange(BigInteger r, BigInteger s) {
    if (r.signum() == 0 || r.compareTo(Secp256k1.N) >= 0) {
      throw new InvalidTransactionException(
          Reason.INVALID_SIGNATURE, "invalid signature: r is not in [1, N-1]");
    }
    if (s.signum() == 0 || s.compareTo(Secp256k1.N) >= 0) {
      throw new InvalidTransactionException(
          Reason.INVALID_SIGNATURE, "invalid signature: s is not in [1, N-1]");
    }
  }

  static InvalidTransactionException malformed(String message) {
    return new InvalidTransactionException(Reason.MALFORMED_RLP, "rlp: " + message);
  }

  /** A cursor over the fields of one transaction list, turning RLP errors into reasons. */
  private static final class Fields {
    private final RlpReader reader;
    private final String what;
    private int read;

    private Fields(RlpReader reader, String what) {
      this.reader = reader;
      this.what = what;
    }

    /** The fields of the single list that must fill {@code raw} from {@code offset} on. */
    static Fields of(byte[] raw, int offset, String what) {
      try {
        RlpReader outer = RlpReader.over(raw, offset, raw.length);
        if (!outer.hasNext()) {
          throw malformed(what + ": missing payload after the type byte");
        }
        if (!outer.nextIsList()) {
          throw malformed(what + ": payload must be an RLP list, found a string");
        }
        RlpReader list = outer.readList();
        if (outer.hasNext()) {
          throw malformed(
              what + ": trailing bytes after the transaction at offset " + outer.position());
        }
        return new Fields(list, what);
      } catch (RlpException e) {
        throw new InvalidTransactionException(
            Reason.MALFORMED_RLP, "rlp: " + what + ": " + e.getMessage(), e);
      }
    }

    /** The next field, which must be a string. */
    byte[] bytes(String field) {
      if (!reader.hasNext()) {
        throw malformed(what + ": too few fields, missing " + field);
      }
      try {
        if (reader.nextIsList()) {
          throw malformed(what + ": " + field + " must be a string, found a list");
        }
        read++;
        return reader.readBytes();
      } catch (RlpException e) {
        throw new InvalidTransactionException(
            Reason.MALFORMED_RLP, "rlp: " + what + ": " + field + ": " + e.getMessage(), e);
      }
    }

    /** The next field as a list reader. */
    private RlpReader list(String field) {
      if (!reader.hasNext()) {
        throw malformed(what + ": too few fields, missing " + field);
      }
      try {
        if (!reader.nextIsList()) {
          throw malformed(what + ": " + field + " must be a list, found a string");
        }
        read++;
        return reader.readList();
      } catch (RlpException e) {
        throw new InvalidTransactionException(
            Reason.MALFORMED_RLP, "rlp: " + what + ": " + field + ": " + e.getMessage(), e);
      }
    }

    /** An unsigned integer of at most {@code maxBytes} bytes. */
    BigInteger uint(String field, int maxBytes, Reason tooWide) {
      return toUint(bytes(field), field, maxBytes, tooWide);
    }

    BigInteger u256(String field, Reason tooWide) {
      return uint(field, 32, tooWide);
    }

    long u64(String field, Reason tooWide) {
      byte[] b = bytes(field);
      // Width before canonical form for 64-bit fields, as the reference fixtures expect: a
      // 9-byte gas limit is "too large" even when its first byte is zero.
      if (b.length > 8) {
        throw new InvalidTransactionException(
            tooWide, field + " exceeds 64 bits (" + b.length + " bytes)");
      }
      checkCanonical(b, field);
      long v = 0;
      for (byte x : b) {
        v = (v << 8) | (x & 0xff);
      }
      return v;
    }

    /** r or s: canonical, and at most 32 bytes (wider is out of range, a signature error). */
    BigInteger signatureScalar(String field) {
      return uint(field, 32, Reason.INVALID_SIGNATURE);
    }

    int yParity() {
      BigInteger y = uint("yParity", 1, Reason.INVALID_SIGNATURE);
      if (y.signum() != 0 && !y.equals(BigInteger.ONE)) {
        throw new InvalidTransactionException(
            Reason.INVALID_SIGNATURE, "invalid signature: yParity must be 0 or 1, got " + y);
      }
      return y.intValue();
    }

    Address to(boolean creationAllowed) {
      byte[] b = bytes("to");
      if (b.length == 0) {
        if (creationAllowed) {
          return null;
        }
        throw new InvalidTransactionException(
            Reason.INVALID_ADDRESS, what + " cannot create a contract: 'to' is required");
      }
      if (b.length != Address.LENGTH) {
        throw new InvalidTransactionException(
            Reason.INVALID_ADDRESS, "to: an address must be 20 bytes, got " + b.length);
      }
      return Address.wrap(b);
    }

    List<AccessListEntry> accessList() {
      RlpReader entries = list("accessList");
      List<AccessListEntry> out = new ArrayList<>();
      try {
        while (entries.hasNext()) {
          int index = out.size();
          if (!entries.nextIsList()) {
            throw malformed(what + ": accessList[" + index + "] must be a list");
          }
          RlpReader entry = entries.readList();
          if (!entry.hasNext() || entry.nextIsList()) {
            throw malformed(what + ": accessList[" + index + "] must start with an address");
          }
          byte[] address = entry.readBytes();
          if (address.length != Address.LENGTH) {
            throw new InvalidTransactionException(
                Reason.INVALID_ACCESS_LIST,
                "accessList[" + index + "]: address must be 20 bytes, got " + address.length);
          }
          if (!entry.hasNext() || !entry.nextIsList()) {
            throw malformed(what + ": accessList[" + index + "] must have a storage key list");
          }
          RlpReader keys = entry.readList();
          if (entry.hasNext()) {
            throw malformed(what + ": accessList[" + index + "] has more than 2 items");
          }
          List<Hash> storageKeys = new ArrayList<>();
          while (keys.hasNext()) {
            if (keys.nextIsList()) {
              throw malformed(what + ": accessList[" + index + "] storage key is a list");
            }
            byte[] key = keys.readBytes();
            if (key.length != Hash.LENGTH) {
              throw new InvalidTransactionException(
                  Reason.INVALID_ACCESS_LIST,
                  "accessList[" + index + "]: storage key must be 32 bytes, got " + key.length);
            }
            storageKeys.add(Hash.wrapOwned(key));
          }
          out.add(new AccessListEntry(Address.wrap(address), storageKeys));
        }
      } catch (RlpException e) {
        throw new InvalidTransactionException(
            Reason.MALFORMED_RLP, "rlp: " + what + ": accessList: " + e.getMessage(), e);
      }
      return out;
    }

    List<Hash> hashList(String field) {
      RlpReader items = list(field);
      List<Hash> out = new ArrayList<>();
      try {
        while (items.hasNext()) {
          if (items.nextIsList()) {
            throw malformed(what + ": " + field + "[" + out.size() + "] is a list");
          }
          byte[] h = items.readBytes();
          if (h.length != Hash.LENGTH) {
            throw new InvalidTransactionException(
                Reason.INVALID_BLOBS,
                field + "[" + out.size() + "] must be 32 bytes, got " + h.length);
          }
          out.add(Hash.wrapOwned(h));
        }
      } catch (RlpException e) {
        throw new InvalidTransactionException(
            Reason.MALFORMED_RLP, "rlp: " + what + ": " + field + ": " + e.getMessage(), e);
      }
      return out;
    }

    List<Authorization> authorizationList() {
      RlpReader items = list("authorizationList");
      List<Authorization> out = new ArrayList<>();
      while (items.hasNext()) {
        int index = out.size();
        String name = "authorizationList[" + index + "]";
        Fields tuple;
        try {
          if (!items.nextIsList()) {
            throw malformed(what + ": " + name + " must be a list");
          }
          tuple = new Fields(items.readList(), name);
        } catch (RlpException e) {
          throw new InvalidTransactionException(
              Reason.MALFORMED_RLP, "rlp: " + what + ": " + name + ": " + e.getMessage(), e);
        }
        BigInteger chainId = tuple.u256("chainId", Reason.INVALID_AUTHORIZATION_LIST);
        byte[] address = tuple.bytes("address");
        if (address.length != Address.LENGTH) {
          throw new InvalidTransactionException(
              Reason.INVALID_AUTHORIZATION_LIST,
              name + ": address must be 20 bytes, got " + address.length);
        }
        long nonce = tuple.u64("nonce", Reason.INVALID_AUTHORIZATION_LIST);
        int yParity = tuple.uint("yParity", 1, Reason.INVALID_AUTHORIZATION_LIST).intValue();
        BigInteger r = tuple.u256("r", Reason.INVALID_AUTHORIZATION_LIST);
        BigInteger s = tuple.u256("s", Reason.INVALID_AUTHORIZATION_LIST);
        tuple.end(6);
        out.add(new Authorization(chainId, Address.wrap(address), nonce, yParity, r, s));
      }
      return out;
    }

    /** Fails unless exactly {@code expected} fields were present. */
    void end(int expected) {
      if (reader.hasNext()) {
        int extra = 0;
        try {
          while (reader.hasNext()) {
            reader.skip();
            extra++;
          }
        } catch (RlpException e) {
          throw new InvalidTransactionException(
              Reason.MALFORMED_RLP, "rlp: " + what + ": " + e.getMessage(), e);
        }
        throw malformed(
            what + ": too many fields, expected " + expected + ", got " + (read + extra));
      }
    }

    private static BigInteger toUint(byte[] b, String field, int maxBytes, Reason tooWide) {
      checkCanonical(b, field);
      if (b.length > maxBytes) {
        throw new InvalidTransactionException(
            tooWide, field + " exceeds " + (8 * maxBytes) + " bits (" + b.length + " bytes)");
      }
      return b.length == 0 ? BigInteger.ZERO : new BigInteger(1, b);
    }

    private static void checkCanonical(byte[] b, String field) {
      if (b.length > 0 && b[0] == 0) {
        throw new InvalidTransactionException(
            Reason.LEADING_ZEROS, "rlp: " + field + ": non-canonical integer (leading zero bytes)");
      }
    }
  }
}
