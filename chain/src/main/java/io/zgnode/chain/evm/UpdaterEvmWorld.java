package io.zgnode.chain.evm;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.EvmWorld;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldUpdater;
import java.math.BigInteger;

/**
 * The EVM's view of the block's working state: {@link EvmWorld} over the state module's journaled
 * {@link WorldUpdater}, so a transaction's nested calls revert through the same journal the block
 * uses. Single-threaded, like the block execution that owns it.
 */
public final class UpdaterEvmWorld implements EvmWorld {
  private final WorldUpdater world;

  public UpdaterEvmWorld(WorldUpdater world) {
    this.world = world;
  }

  @Override
  public boolean exists(Address address) {
    return world.exists(address);
  }

  @Override
  public BigInteger balance(Address address) {
    Account a = world.account(address);
    return a == null ? BigInteger.ZERO : a.balance();
  }

  @Override
  public long nonce(Address address) {
    Account a = world.account(address);
    return a == null ? 0 : a.nonce();
  }

  @Override
  public byte[] code(Address address) {
    byte[] c = world.code(address);
    return c == null ? new byte[0] : c;
  }

  @Override
  public Hash codeHash(Address address) {
    Account a = world.account(address);
    return a == null ? Hash.EMPTY_CODE : a.codeHash();
  }

  /**
   * Judged by the account's committed storage root: storage written earlier in the same block
   * without code is not seen. Only EIP-7610's create-collision rule asks, and an address gets
   * storage without code only through a genesis allocation, which the root does show.
   */
  @Override
  public boolean hasStorage(Address address) {
    Account a = world.account(address);
    return a != null && !a.storageRoot().equals(Hash.EMPTY_TRIE);
  }

  @Override
  public Hash storage(Address address, Hash slot) {
    return world.storage(address, slot);
  }

  @Override
  public void setBalance(Address address, BigInteger balance) {
    world.setBalance(address, balance);
  }

  @Override
  public void setNonce(Address address, long nonce) {
    world.setNonce(address, nonce);
  }

  @Override
  public void setCode(Address address, byte[] code) {
    world.setCode(address, code);
  }

  @Override
  public void setStorage(Address address, Hash slot, Hash value) {
    world.setStorage(address, slot, value);
  }

  @Override
  public void createAccount(Address address) {
    if (!world.exists(address)) {
      world.getOrCreate(address);
    }
  }

  @Override
  public void deleteAccount(Address address) {
    world.deleteAccount(address);
  }

  @Override
  public int checkpoint() {
    return world.checkpoint();
  }

  @Override
  public void revertTo(int id) {
    world.revertTo(id);
  }

  @Override
  public void commit(int id) {
    world.commitCheckpoint(id);
  }
}
