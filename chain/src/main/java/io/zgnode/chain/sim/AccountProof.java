package io.zgnode.chain.sim;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.List;

/**
 * eth_getProof's answer (EIP-1186): the account's fields and their Merkle proof from the state
 * root, and a proof per requested slot. An absent account has zero balance and nonce, the empty
 * code hash and the empty storage root, and its proof proves the absence.
 *
 * @param accountProof the RLP of each trie node from the root down the account's path
 */
public record AccountProof(
    Address address,
    Hash stateRoot,
    List<byte[]> accountProof,
    BigInteger balance,
    Hash codeHash,
    long nonce,
    Hash storageHash,
    List<StorageProof> storageProof) {
  public AccountProof {
    accountProof = List.copyOf(accountProof);
    storageProof = List.copyOf(storageProof);
  }
}
