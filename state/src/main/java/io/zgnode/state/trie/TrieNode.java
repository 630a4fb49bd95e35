package io.zgnode.state.trie;

import io.zgnode.evm.types.Hash;

/** A node to store: its keccak256 and its RLP. */
public record TrieNode(Hash hash, byte[] rlp) {}
