package io.zgnode.evm.processor;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.EvmWorld;
import java.util.Arrays;

/** Where contracts are created. */
public final class ContractAddress {
  private ContractAddress() {}

  /** CREATE and creation transactions: keccak256(rlp([sender, nonce]))[12:]. */
  public static Address create(Address sender, long nonce) {
    byte[] rlp =
        new RlpWriter(32)
            .startList()
            .writeBytes(sender.bytesUnsafe())
            .writeLong(nonce)
            .endList()
            .toByteArray();
    return Address.wrap(Arrays.copyOfRange(Keccak256.hash(rlp), 12, 32));
  }

  /** CREATE2: keccak256(0xff || sender || salt || keccak256(initCode))[12:]. */
  public static Address create2(Address sender, Hash salt, byte[] initCodeHash) {
    byte[] h =
        Keccak256.hash(
            new byte[] {(byte) 0xff}, sender.bytesUnsafe(), salt.bytesUnsafe(), initCodeHash);
    return Address.wrap(Arrays.copyOfRange(h, 12, 32));
  }

  /**
   * Whether creating at {@code address} collides with an existing account: one with a nonce, code
   * or storage (EIP-684 with EIP-7610). A balance alone does not count.
   */
  public static boolean collides(EvmWorld world, Address address) {
    return world.nonce(address) != 0
        || !world.codeHash(address).equals(Hash.EMPTY_CODE)
        || world.hasStorage(address);
  }
}
