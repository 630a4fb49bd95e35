package io.zgnode.state.store;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.types.Hash;

/**
 * The application hash that the chain reports to CometBFT after each block:
 *
 * <pre>
 *   appHash = keccak256(stateRoot || modulesRoot)
 * </pre>
 *
 * where {@code stateRoot} is the root of the Ethereum account trie (32 bytes) and {@code
 * modulesRoot} the root of the secure Merkle-Patricia trie of the modules' state (32 bytes), both
 * {@code 0x56e8..b421} when empty. The 64 bytes are hashed as they are, without RLP or length
 * prefixes; both inputs have a fixed length, so the concatenation is unambiguous. Every node
 * derives the same value from the same state, and either root can be proven on its own.
 */
public final class AppHash {
  private AppHash() {}

  public static Hash of(Hash stateRoot, Hash modulesRoot) {
    return Hash.wrapOwned(Keccak256.hash(stateRoot.bytesUnsafe(), modulesRoot.bytesUnsafe()));
  }
}
