package io.zgnode.staking.store;

import io.zgnode.evm.types.Address;
import java.nio.charset.StandardCharsets;

/**
 * Key layout of the staking tables: "staking/", a table byte, then fixed-width big-endian fields,
 * so a prefix scan visits rows in a deterministic (unsigned byte) order.
 */
public final class Keys {
  static final byte[] MODULE = "staking/".getBytes(StandardCharsets.US_ASCII);

  static final int PARAMS = 0x01;
  static final int QUEUE_CURSOR = 0x02;
  static final int COMMUNITY_POOL = 0x03;
  static final int VALIDATOR = 0x10;
  static final int VALIDATOR_BY_CONS = 0x11;
  static final int POWER_INDEX = 0x12;
  static final int LAST_POWER = 0x13;
  static final int VALIDATOR_QUEUE = 0x14;
  static final int POWER_HISTORY = 0x15;
  static final int DELEGATION = 0x20;
  static final int UNBONDING = 0x22;
  static final int UNBONDING_BY_VALIDATOR = 0x23;
  static final int UNBONDING_QUEUE = 0x24;
  static final int REDELEGATION = 0x25;
  static final int REDELEGATION_BY_SOURCE = 0x26;
  static final int REDELEGATION_BY_DESTINATION = 0x27;
  static final int REDELEGATION_QUEUE = 0x28;
  static final int VALIDATOR_REWARDS = 0x30;
  static final int HISTORICAL_REWARDS = 0x31;
  static final int STARTING_INFO = 0x32;
  static final int SLASH_EVENT = 0x33;

  private Keys() {}

  static byte[] key(int table, Object... parts) {
    int len = MODULE.length + 1;
    for (Object p : parts) {
      len += width(p);
    }
    byte[] k = new byte[len];
    System.arraycopy(MODULE, 0, k, 0, MODULE.length);
    int at = MODULE.length;
    k[at++] = (byte) table;
    for (Object p : parts) {
      switch (p) {
        case Address a -> {
          System.arraycopy(a.bytesUnsafe(), 0, k, at, Address.LENGTH);
          at += Address.LENGTH;
        }
        case byte[] b -> {
          System.arraycopy(b, 0, k, at, b.length);
          at += b.length;
        }
        case Long l -> {
          putLong(k, at, l);
          at += 8;
        }
        default -> throw new IllegalArgumentException("unsupported key part " + p.getClass());
      }
    }
    return k;
  }

  private static int width(Object p) {
    return switch (p) {
      case Address a -> Address.LENGTH;
      case byte[] b -> b.length;
      case Long l -> 8;
      default -> throw new IllegalArgumentException("unsupported key part " + p.getClass());
    };
  }

  static void putLong(byte[] b, int at, long v) {
    for (int i = 7; i >= 0; i--) {
      b[at + i] = (byte) v;
      v >>>= 8;
    }
  }

  /** Offset of the first field after the table byte. */
  static int fieldStart() {
    return MODULE.length + 1;
  }

  static long readLong(byte[] k, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (k[at + i] & 0xff);
    }
    return v;
  }

  static Address readAddress(byte[] k, int at) {
    byte[] a = new byte[Address.LENGTH];
    System.arraycopy(k, at, a, 0, Address.LENGTH);
    return Address.wrap(a);
  }
}
