package io.zgnode.state.store;

import io.zgnode.evm.bytes.Hex;
import java.util.Arrays;

/** A module key as a map key (byte arrays compare by identity). */
record ModuleKey(byte[] bytes) {
  @Override
  public boolean equals(Object o) {
    return o instanceof ModuleKey k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
