package io.zgnode.chain.sim;

import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.List;

/** One storage slot's value and its Merkle proof from the account's storage root (EIP-1186). */
public record StorageProof(Hash key, BigInteger value, List<byte[]> proof) {
  public StorageProof {
    proof = List.copyOf(proof);
  }
}
