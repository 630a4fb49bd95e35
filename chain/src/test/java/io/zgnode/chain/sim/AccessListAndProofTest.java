package io.zgnode.chain.sim;

import static io.zgnode.chain.sim.SimFixture.CALLER;
import static io.zgnode.chain.sim.SimFixture.REVERTER;
import static io.zgnode.chain.sim.SimFixture.STORE;
import static io.zgnode.chain.sim.SimFixture.address;
import static io.zgnode.chain.sim.SimFixture.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.tx.AccessListEntry;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.trie.TrieProofs;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.StorageValues;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessListAndProofTest {
  private SimFixture f;
  private CallSimulator sim;

  @BeforeEach
  void setUp() {
    f = new SimFixture();
    sim = new CallSimulator(f.chain, 50_000_000L);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void accessListFindsTheCalleeAndItsSlot() throws Exception {
    AccessListResult r =
        sim.createAccessList(
            CallRequest.of(address(0), CALLER, word(3).toArray()),
            sim.environment(f.chain.latestHeight(), null, null),
            Deadline.none());
    assertNull(r.error());
    assertEquals(List.of(new AccessListEntry(STORE, List.of(Hash.ZERO))), r.accessList());
    // the list pays for itself: using it costs no more than not using it
    CallResult plain =
        sim.call(
            CallRequest.of(address(0), CALLER, word(3).toArray()),
            sim.environment(f.chain.latestHeight(), null, null),
            Deadline.none(),
            io.zgnode.evm.tracing.Tracer.NO_OP);
    assertTrue(r.gasUsed() <= plain.gasUsed(), r.gasUsed() + " vs " + plain.gasUsed());
    // and the call with the list is what was measured
    CallResult withList =
        sim.call(
            CallRequest.of(address(0), CALLER, word(3).toArray()).withAccessList(r.accessList()),
            sim.environment(f.chain.latestHeight(), null, null),
            Deadline.none(),
            io.zgnode.evm.tracing.Tracer.NO_OP);
    assertEquals(r.gasUsed(), withList.gasUsed());
  }

  @Test
  void accessListReportsTheVmError() throws Exception {
    AccessListResult r =
        sim.createAccessList(
            CallRequest.of(address(0), REVERTER, new byte[0]),
            sim.environment(f.chain.latestHeight(), null, null),
            Deadline.none());
    assertEquals("execution reverted", r.error());
    assertTrue(r.accessList().isEmpty());
  }

  @Test
  void proofsVerifyAgainstTheHeaderStateRoot() throws Exception {
    f.include(f.tx(0, STORE, BigInteger.ZERO, 100_000, word(9).toArray()));
    long h = f.height;
    StateProofs proofs = new StateProofs(f.chain);
    Hash root = f.chain.header(h).orElseThrow().stateRoot();

    AccountProof funded = proofs.prove(h, address(0), List.of());
    assertEquals(root, funded.stateRoot());
    byte[] leaf =
        TrieProofs.verify(root, Keccak256.hash(address(0).toArray()), funded.accountProof());
    assertNotNull(leaf);
    Account a = Account.decode(leaf);
    assertEquals(a.balance(), funded.balance());
    assertEquals(1, funded.nonce());
    assertEquals(Hash.EMPTY_CODE, funded.codeHash());
    assertEquals(Hash.EMPTY_TRIE, funded.storageHash());

    AccountProof absent = proofs.prove(h, Address.fromLong(0x5555), List.of(word(1)));
    assertNull(
        TrieProofs.verify(
            root, Keccak256.hash(Address.fromLong(0x5555).toArray()), absent.accountProof()));
    assertEquals(BigInteger.ZERO, absent.balance());
    assertEquals(Hash.EMPTY_CODE, absent.codeHash());
    assertEquals(Hash.EMPTY_TRIE, absent.storageHash());
    assertEquals(BigInteger.ZERO, absent.storageProof().get(0).value());
    assertTrue(absent.storageProof().get(0).proof().isEmpty());

    AccountProof store = proofs.prove(h, STORE, List.of(Hash.ZERO, word(1)));
    Account sa =
        Account.decode(
            TrieProofs.verify(root, Keccak256.hash(STORE.toArray()), store.accountProof()));
    assertEquals(sa.storageRoot(), store.storageHash());
    StorageProof s0 = store.storageProof().get(0);
    assertEquals(BigInteger.valueOf(9), s0.value());
    assertEquals(
        word(9),
        StorageValues.fromTrieValue(
            TrieProofs.verify(
                store.storageHash(), Keccak256.hash(Hash.ZERO.toArray()), s0.proof())));
    StorageProof s1 = store.storageProof().get(1);
    assertEquals(BigInteger.ZERO, s1.value());
    assertNull(
        TrieProofs.verify(store.storageHash(), Keccak256.hash(word(1).toArray()), s1.proof()));

    // an older height proves the older value
    AccountProof old = proofs.prove(1, STORE, List.of(Hash.ZERO));
    assertEquals(BigInteger.valueOf(5), old.storageProof().get(0).value());
    assertEquals(f.chain.header(1).orElseThrow().stateRoot(), old.stateRoot());
  }

  @Test
  void genesisProofs() throws Exception {
    AccountProof g = new StateProofs(f.chain).prove(0, STORE, List.of(Hash.ZERO));
    Hash root = f.chain.header(0).orElseThrow().stateRoot();
    assertEquals(root, g.stateRoot());
    assertNotNull(TrieProofs.verify(root, Keccak256.hash(STORE.toArray()), g.accountProof()));
    assertEquals(BigInteger.valueOf(5), g.storageProof().get(0).value());
    assertEquals(
        word(5),
        StorageValues.fromTrieValue(
            TrieProofs.verify(
                g.storageHash(),
                Keccak256.hash(Hash.ZERO.toArray()),
                g.storageProof().get(0).proof())));
  }
}
