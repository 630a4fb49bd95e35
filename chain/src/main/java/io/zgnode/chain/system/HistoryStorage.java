package io.zgnode.chain.system;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldUpdater;

/**
 * EIP-2935 (Prague): the last 8191 block hashes served from state by a system contract, so
 * contracts can read history beyond BLOCKHASH's 256 blocks.
 *
 * <p>The contract's runtime code is installed at genesis with nonce 1, as on Ethereum. At the start
 * of every block from Prague on, the parent block's hash goes into slot {@code (number - 1) %
 * 8191}. Ethereum does this with a system call whose only effect is that store (the contract's code
 * stores its calldata when the caller is the system address), so the store is applied directly.
 */
public final class HistoryStorage {
  public static final Address ADDRESS =
      Address.fromHex("0x0000F90827F1C53a10cb7A02335B175320002935");

  /** EIP-2935's runtime code (mainnet deployment). */
  public static final byte[] CODE =
      Hex.decode(
          "3373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f3560014303811160"
              + "4257611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff600143030655"
              + "00");

  public static final long SERVE_WINDOW = 8191;

  private HistoryStorage() {}

  /** Installs the contract unless the genesis already put an account there. */
  public static void installAtGenesis(WorldUpdater world) {
    if (!world.exists(ADDRESS)) {
      world.setNonce(ADDRESS, 1);
      world.setCode(ADDRESS, CODE);
    }
  }

  /**
   * Stores the parent hash for block {@code number}, from Prague on.
   *
   * @param parentHash the parent's Ethereum block hash (keccak of its header), the same value
   *     BLOCKHASH answers and the JSON-RPC reports, not CometBFT's block hash
   */
  public static void beginBlock(WorldUpdater world, Fork fork, long number, Hash parentHash) {
    if (!fork.isAtLeast(Fork.PRAGUE) || number == 0) {
      return;
    }
    Account a = world.account(ADDRESS);
    if (a == null || !a.hasCode()) {
      return;
    }
    byte[] slot = new byte[32];
    long index = Long.remainderUnsigned(number - 1, SERVE_WINDOW);
    for (int i = 0; i < 8; i++) {
      slot[31 - i] = (byte) (index >>> (8 * i));
    }
    world.setStorage(ADDRESS, Hash.wrapOwned(slot), parentHash);
  }
}
