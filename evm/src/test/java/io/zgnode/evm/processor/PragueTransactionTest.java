package io.zgnode.evm.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.tx.Authorization;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.MapEvmWorld;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EIP-7702 set-code transactions and the EIP-7623 calldata floor. */
class PragueTransactionTest {
  private static final BigInteger AUTHORITY_KEY = BigInteger.valueOf(0xa11ce);
  private static final Address AUTHORITY = Secp256k1.address(AUTHORITY_KEY);
  private static final Address READER = Address.fromHex("0x" + "de".repeat(20));
  private static final Hash SLOT0 = Hash.ZERO;
  private static final Hash ONE = Hash.fromHex("0x" + "00".repeat(31) + "01");

  private static MapEvmWorld world() {
    MapEvmWorld w = new MapEvmWorld();
    w.setBalance(Harness.SENDER, BigInteger.TEN.pow(20));
    w.setBalance(AUTHORITY, BigInteger.TEN.pow(20));
    // The delegate: SSTORE(0, 1) in whatever account it runs for.
    w.setCode(Harness.CONTRACT, Harness.hex("6001 6000 55 00"));
    // READER stores EXTCODESIZE(AUTHORITY) at slot 0 of itself.
    w.setCode(READER, Harness.hex("73" + AUTHORITY.toHex().substring(2) + " 3b 6000 55 00"));
    return w;
  }

  private static Transaction setCode(long nonce, Authorization... auths) {
    return TransactionBuilder.setCode()
        .chainId(Harness.CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(1)
        .maxFeePerGas(100)
        .gasLimit(200_000)
        .to(AUTHORITY)
        .authorizationList(List.of(auths))
        .sign(Harness.KEY);
  }

  @Test
  void delegatedCodeRunsInTheAuthoritysAccount() {
    MapEvmWorld w = world();
    Authorization auth = Authorization.sign(Harness.CHAIN_ID, Harness.CONTRACT, 0, AUTHORITY_KEY);
    TransactionResult r =
        Harness.processor(Fork.PRAGUE).process(w, Harness.block(), setCode(0, auth));
    assertEquals(TransactionResult.Status.SUCCESS, r.status());
    assertArrayEquals(Delegation.designator(Harness.CONTRACT), w.code(AUTHORITY));
    assertEquals(1, w.nonce(AUTHORITY));
    assertEquals(ONE, w.storage(AUTHORITY, SLOT0), "the delegate's SSTORE hit the authority");
    assertEquals(Hash.ZERO, w.storage(Harness.CONTRACT, SLOT0));

    // EXTCODESIZE sees the 23-byte designator itself.
    Transaction read =
        TransactionBuilder.eip1559()
            .chainId(Harness.CHAIN_ID)
            .nonce(1)
            .maxPriorityFeePerGas(1)
            .maxFeePerGas(100)
            .gasLimit(100_000)
            .to(READER)
            .sign(Harness.KEY);
    Harness.processor(Fork.PRAGUE).process(w, Harness.block(), read);
    assertEquals(Hash.fromHex("0x" + "00".repeat(31) + "17"), w.storage(READER, SLOT0), "23 bytes");

    // A delegated account may still send transactions (EIP-3607 allows designators).
    Transaction fromAuthority =
        TransactionBuilder.eip1559()
            .chainId(Harness.CHAIN_ID)
            .nonce(1)
            .maxPriorityFeePerGas(1)
            .maxFeePerGas(100)
            .gasLimit(21_000)
            .to(READER)
            .sign(AUTHORITY_KEY);
    Harness.processor(Fork.PRAGUE).process(w, Harness.block(), fromAuthority);
    assertEquals(2, w.nonce(AUTHORITY));
  }

  @Test
  void invalidAuthorizationsAreSkipped() {
    MapEvmWorld w = world();
    Authorization wrongNonce =
        Authorization.sign(Harness.CHAIN_ID, Harness.CONTRACT, 5, AUTHORITY_KEY);
    Authorization wrongChain =
        Authorization.sign(BigInteger.valueOf(99), Harness.CONTRACT, 0, AUTHORITY_KEY);
    TransactionResult r =
        Harness.processor(Fork.PRAGUE)
            .process(w, Harness.block(), setCode(0, wrongNonce, wrongChain));
    assertEquals(TransactionResult.Status.SUCCESS, r.status());
    assertEquals(0, w.code(AUTHORITY).length);
    assertEquals(0, w.nonce(AUTHORITY));
  }

  @Test
  void clearingADelegationRestoresAnEmptyCodeHash() {
    MapEvmWorld w = world();
    w.setCode(AUTHORITY, Delegation.designator(Harness.CONTRACT));
    Authorization clear = Authorization.sign(Harness.CHAIN_ID, Address.ZERO, 0, AUTHORITY_KEY);
    Harness.processor(Fork.PRAGUE).process(w, Harness.block(), setCode(0, clear));
    assertEquals(Hash.EMPTY_CODE, w.codeHash(AUTHORITY));
  }

  @Test
  void senderWithCodeIsRejected() {
    MapEvmWorld w = world();
    w.setCode(Harness.SENDER, Harness.hex("00"));
    TransactionRejectedException e =
        assertThrows(
            TransactionRejectedException.class,
            () ->
                Harness.processor(Fork.PRAGUE)
                    .process(
                        w,
                        Harness.block(),
                        setCode(
                            0,
                            Authorization.sign(
                                Harness.CHAIN_ID, Harness.CONTRACT, 0, AUTHORITY_KEY))));
    assertEquals(TransactionRejectedException.Reason.SENDER_NOT_EOA, e.reason());
  }

  @Test
  void calldataFloorAppliesFromPrague() {
    byte[] data = new byte[1000];
    java.util.Arrays.fill(data, (byte) 1);
    Transaction tx =
        TransactionBuilder.eip1559()
            .chainId(Harness.CHAIN_ID)
            .nonce(0)
            .maxPriorityFeePerGas(1)
            .maxFeePerGas(100)
            .gasLimit(100_000)
            .to(READER)
            .data(data)
            .sign(Harness.KEY);
    // READER's code costs little; the intrinsic gas is 21000 + 16 * 1000 = 37000, the floor
    // 21000 + 10 * 4 * 1000 = 61000.
    TransactionResult cancun = Harness.processor(Fork.CANCUN).process(world(), Harness.block(), tx);
    TransactionResult prague = Harness.processor(Fork.PRAGUE).process(world(), Harness.block(), tx);
    assertEquals(61_000, prague.gasUsed());
    assertEquals(true, cancun.gasUsed() < 61_000);
  }

  @Test
  void refundIsCappedAtAFifthOfGasUsed() {
    MapEvmWorld w = world();
    // Two SSTOREs clearing slots that hold 1: 2900 + 2100 cold each, refund 4800 each, capped
    // at gasUsed / 5.
    w.setStorage(READER, SLOT0, ONE);
    w.setStorage(READER, ONE, ONE);
    w.setCode(READER, Harness.hex("6000 6000 55 6000 6001 55 00"));
    Transaction tx =
        TransactionBuilder.eip1559()
            .chainId(Harness.CHAIN_ID)
            .nonce(0)
            .maxPriorityFeePerGas(1)
            .maxFeePerGas(100)
            .gasLimit(100_000)
            .to(READER)
            .sign(Harness.KEY);
    TransactionResult r = Harness.processor(Fork.CANCUN).process(w, Harness.block(), tx);
    long used = 21_000 + 2 * (3 + 3 + 2_900 + 2_100);
    assertEquals(used / 5, r.refund());
    assertEquals(true, used / 5 < 2 * 4_800, "the cap binds");
    assertEquals(used - used / 5, r.gasUsed());
    assertEquals(Hash.ZERO, w.storage(READER, SLOT0));
  }
}
