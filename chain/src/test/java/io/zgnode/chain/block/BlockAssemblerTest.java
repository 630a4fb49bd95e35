package io.zgnode.chain.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.receipt.LogsBloom;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The roots and bloom of a block's header, against tries built by hand from the yellow paper. */
class BlockAssemblerTest {

  private static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  private static byte[] rlpList(byte[]... strings) {
    RlpWriter w = new RlpWriter();
    w.startList();
    for (byte[] s : strings) {
      w.writeBytes(s);
    }
    w.endList();
    return w.toByteArray();
  }

  @Test
  void emptyListsHaveTheEmptyTrieRoot() {
    assertEquals(Hash.EMPTY_TRIE, BlockAssembler.indexedRoot(List.of()));
    EthHeader h =
        BlockAssembler.header(
            Fork.PRAGUE,
            Hash.ZERO,
            Address.ZERO,
            Hash.EMPTY_TRIE,
            List.of(),
            List.of(),
            7,
            30_000_000,
            0,
            1_000,
            Hash.ZERO,
            BigInteger.TEN);
    assertEquals(Hash.EMPTY_TRIE, h.transactionsRoot());
    assertEquals(Hash.EMPTY_TRIE, h.receiptsRoot());
    assertTrue(h.hasEmptyBloom());
  }

  @Test
  void oneItemIsALeafUnderKeyRlpZero() {
    byte[] value = filled(50, 0x42);
    // rlp(0) = 0x80: nibbles [8, 0], an even leaf path: hex-prefix 0x20 then 0x80.
    byte[] leaf = rlpList(new byte[] {0x20, (byte) 0x80}, value);
    assertEquals(Hash.keccak(leaf), BlockAssembler.indexedRoot(List.of(value)));
  }

  @Test
  void twoItemsAreABranchOverTwoLeaves() {
    byte[] v0 = filled(40, 0x11);
    byte[] v1 = filled(40, 0x22);
    // Keys: rlp(0) = 0x80 (nibbles 8, 0) and rlp(1) = 0x01 (nibbles 0, 1). The root is a branch
    // with the leaf of item 1 at nibble 0 (remaining path [1]: hex-prefix 0x31) and the leaf of
    // item 0 at nibble 8 (remaining path [0]: 0x30); both leaves exceed 31 bytes, so are hashed.
    byte[] leaf0 = rlpList(new byte[] {0x30}, v0);
    byte[] leaf1 = rlpList(new byte[] {0x31}, v1);
    byte[][] children = new byte[17][];
    Arrays.fill(children, new byte[0]);
    children[0] = Hash.keccak(leaf1).toArray();
    children[8] = Hash.keccak(leaf0).toArray();
    byte[] branch = rlpList(children);
    assertEquals(Hash.keccak(branch), BlockAssembler.indexedRoot(List.of(v0, v1)));
  }

  @Test
  void headerCarriesTheRootsAndTheUnionOfTheBlooms() {
    Address a = Address.fromLong(0xaaaa);
    Address b = Address.fromLong(0xbbbb);
    Hash topic = Hash.keccak(new byte[] {1});
    Receipt r0 =
        new Receipt(
            Hash.keccak(new byte[] {10}),
            5,
            0,
            2,
            true,
            30_000,
            30_000,
            BigInteger.ONE,
            a,
            b,
            null,
            List.of(new Log(a, List.of(topic), new byte[0])),
            0);
    Receipt r1 =
        new Receipt(
            Hash.keccak(new byte[] {11}),
            5,
            1,
            0,
            false,
            21_000,
            51_000,
            BigInteger.ONE,
            b,
            a,
            null,
            List.of(new Log(b, List.of(), new byte[] {7})),
            1);
    List<byte[]> txs = List.of(filled(120, 1), filled(110, 2));
    EthHeader h =
        BlockAssembler.header(
            Fork.CANCUN,
            Hash.keccak(new byte[] {9}),
            a,
            Hash.keccak(new byte[] {8}),
            txs,
            List.of(r0, r1),
            5,
            30_000_000,
            51_000,
            1_234,
            Hash.keccak(new byte[] {7}),
            BigInteger.valueOf(1_000_000_000));
    assertEquals(BlockAssembler.indexedRoot(txs), h.transactionsRoot());
    assertEquals(
        BlockAssembler.indexedRoot(List.of(r0.consensusEncoding(), r1.consensusEncoding())),
        h.receiptsRoot());
    assertEquals(2, r0.consensusEncoding()[0], "typed receipts carry their type byte");
    byte[] expected = r0.bloom();
    LogsBloom.merge(expected, r1.bloom());
    assertArrayEquals(expected, h.logsBloom());
    assertArrayEquals(LogsBloom.of(List.of(r0.logs().get(0), r1.logs().get(0))), h.logsBloom());
    assertEquals(Hash.EMPTY_TRIE, h.withdrawalsRoot());
    assertEquals(0L, h.blobGasUsed());
    assertEquals(Hash.ZERO, h.parentBeaconBlockRoot());
    assertNull(h.requestsHash(), "Cancun: no requests hash");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BlockAssembler.header(
                Fork.CANCUN,
                Hash.ZERO,
                a,
                Hash.ZERO,
                txs,
                List.of(r0),
                5,
                1,
                1,
                1,
                Hash.ZERO,
                BigInteger.ONE));
  }

  @Test
  void forkFieldsAppearWithTheirForks() {
    for (Fork f : Fork.values()) {
      EthHeader g = BlockAssembler.genesis(f, Hash.EMPTY_TRIE, 0, 30_000_000, 0, BigInteger.ONE);
      assertEquals(f.isAtLeast(Fork.SHANGHAI), g.withdrawalsRoot() != null, f.name());
      assertEquals(f.isAtLeast(Fork.CANCUN), g.excessBlobGas() != null, f.name());
      assertEquals(f.isAtLeast(Fork.PRAGUE), g.requestsHash() != null, f.name());
      assertEquals(g, EthHeader.decode(g.rlp()), f.name());
    }
    assertEquals(
        EthHeader.EMPTY_REQUESTS_HASH,
        Hash.wrap(sha256(new byte[0])),
        "EIP-7685: sha256 of no requests");
  }

  private static byte[] sha256(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
