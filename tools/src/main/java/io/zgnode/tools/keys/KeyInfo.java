package io.zgnode.tools.keys;

import io.zgnode.evm.types.Address;
import java.nio.file.Path;

/** What the keyring shows of a key without its password: its name, address and file. */
public record KeyInfo(String name, Address address, Path file) {
  /** The address's bech32 form under {@code hrp}: the same 20 bytes Cosmos clients show. */
  public String bech32(String hrp) {
    return Bech32.encodeBytes(hrp, address.bytesUnsafe());
  }
}
