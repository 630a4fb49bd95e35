package io.zgnode.evm.tx;

import static io.zgnode.evm.tx.TestKeys.CHAIN;
import static io.zgnode.evm.tx.TestKeys.KEY;
import static io.zgnode.evm.tx.TestKeys.TO;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.tx.InvalidTransactionException.Reason;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionValidatorTest {
  private static final BigInteger CHAIN_ID = BigInteger.valueOf(CHAIN);

  private static Reason reasonOf(Transaction tx, Fork fork) {
    InvalidTransactionException e =
        assertThrows(
            InvalidTransactionException.class,
            () -> TransactionValidator.validateStatic(tx, fork, CHAIN_ID));
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    return e.reason();
  }

  private static TransactionBuilder transfer() {
    return TransactionBuilder.eip1559()
        .chainId(CHAIN)
        .maxPriorityFeePerGas(1)
        .maxFeePerGas(10)
        .gasLimit(21_000)
        .to(TO);
  }

  @Test
  void everyExampleIsValidFromTheForkOfItsType() {
    for (Transaction tx : TestKeys.oneOfEach()) {
      for (Fork f : Fork.values()) {
        if (tx.type().isSupportedIn(f)) {
          assertDoesNotThrow(() -> TransactionValidator.validateStatic(tx, f, CHAIN_ID));
        } else {
          assertEquals(Reason.TYPE_NOT_SUPPORTED, reasonOf(tx, f), tx.type() + " at " + f);
        }
      }
    }
  }

  @Test
  void chainIdMustMatchButPre155LegacyIsAccepted() {
    Transaction other = transfer().chainId(CHAIN + 1).sign(KEY);
    assertEquals(Reason.INVALID_CHAIN_ID, reasonOf(other, Fork.CANCUN));
    assertDoesNotThrow(() -> TransactionValidator.validateStatic(other, Fork.CANCUN));
    Transaction unprotected =
        TransactionBuilder.legacy().gasPrice(1).gasLimit(21_000).to(TO).sign(KEY);
    assertDoesNotThrow(
        () -> TransactionValidator.validateStatic(unprotected, Fork.CANCUN, CHAIN_ID));
  }

  @Test
  void nonceMaxIsInvalid() {
    assertEquals(Reason.NONCE_MAX, reasonOf(transfer().nonce(-1L).sign(KEY), Fork.LONDON));
    assertDoesNotThrow(() ->
        TransactionValidator.validateStatic(
            transfer().nonce(-2L).sign(KEY), Fork.LONDON, CHAIN_ID));
  }

  @Test
  void highSIsInvalid() {
    Transaction low = transfer().sign(KEY);
    Transaction high =
        transfer().withSignature(low.yParity() ^ 1, low.r(), Secp256k1.N.subtract(low.s()));
    assertEquals(low.sender(), high.sender(), "a high s still recovers");
    assertEquals(Reason.INVALID_SIGNATURE, reasonOf(high, Fork.LONDON));
  }

  @Test
  void feeRules() {
    assertEquals(
        Reason.PRIORITY_FEE_ABOVE_MAX_FEE,
        reasonOf(transfer().maxPriorityFeePerGas(11).sign(KEY), Fork.LONDON));
    assertEquals(
        Reason.FEE_CAP_OVERFLOW,
        reasonOf(
            transfer()
                .maxPriorityFeePerGas(0)
                .maxFeePerGas(BigInteger.TWO.pow(256).subtract(BigInteger.ONE))
                .sign(KEY),
            Fork.LONDON));
  }

  @Test
  void intrinsicGasAndFloor() {
    assertEquals(
        Reason.INTRINSIC_GAS_TOO_LOW, reasonOf(transfer().gasLimit(20_999).sign(KEY), Fork.LONDON));
    // 100 non-zero bytes: intrinsic 22600, EIP-7623 floor 25000.
    byte[] data = new byte[100];
    java.util.Arrays.fill(data, (byte) 7);
    Transaction tx = transfer().gasLimit(23_000).data(data).sign(KEY);
    assertDoesNotThrow(() -> TransactionValidator.validateStatic(tx, Fork.CANCUN, CHAIN_ID));
    assertEquals(Reason.INTRINSIC_GAS_TOO_LOW, reasonOf(tx, Fork.PRAGUE));
    Transaction enough = transfer().gasLimit(25_000).data(data).sign(KEY);
    assertDoesNotThrow(() -> TransactionValidator.validateStatic(enough, Fork.PRAGUE, CHAIN_ID));
  }

  @Test
  void initcodeLimitFromShanghai() {
    byte[] initcode = new byte[TransactionValidator.MAX_INITCODE_SIZE + 1];
    Transaction tx =
        TransactionBuilder.eip1559()
            .chainId(CHAIN)
            .maxPriorityFeePerGas(1)
            .maxFeePerGas(1)
            .gasLimit(1_000_000)
            .data(initcode)
            .sign(KEY);
    assertDoesNotThrow(() -> TransactionValidator.validateStatic(tx, Fork.PARIS, CHAIN_ID));
    assertEquals(Reason.INITCODE_TOO_LARGE, reasonOf(tx, Fork.SHANGHAI));
  }

  @Test
  void gasLimitCapFromOsaka() {
    Transaction tx = transfer().gasLimit((1L << 24) + 1).sign(KEY);
    assertDoesNotThrow(() -> TransactionValidator.validateStatic(tx, Fork.PRAGUE, CHAIN_ID));
    assertEquals(Reason.GAS_LIMIT_ABOVE_CAP, reasonOf(tx, Fork.OSAKA));
  }

  @Test
  void blobRules() {
    TransactionBuilder b =
        TransactionBuilder.blob()
            .chainId(CHAIN)
            .maxPriorityFeePerGas(1)
            .maxFeePerGas(1)
            .maxFeePerBlobGas(1)
            .gasLimit(21_000)
            .to(TO);
    assertEquals(Reason.INVALID_BLOBS, reasonOf(b.sign(KEY), Fork.CANCUN));
    byte[] badVersion = TestKeys.blobHash(1).toArray();
    badVersion[0] = 2;
    assertEquals(
        Reason.INVALID_BLOBS,
        reasonOf(b.blobVersionedHashes(List.of(Hash.wrap(badVersion))).sign(KEY), Fork.CANCUN));
    Transaction seven =
        b.blobVersionedHashes(Collections.nCopies(7, TestKeys.blobHash(1))).sign(KEY);
    assertEquals(Reason.INVALID_BLOBS, reasonOf(seven, Fork.CANCUN));
    assertDoesNotThrow(() -> TransactionValidator.validateStatic(seven, Fork.PRAGUE, CHAIN_ID));
    assertEquals(Reason.INVALID_BLOBS, reasonOf(seven, Fork.OSAKA));
  }

  @Test
  void setCodeNeedsAuthorizations() {
    Transaction tx =
        TransactionBuilder.setCode()
            .chainId(CHAIN)
            .maxPriorityFeePerGas(1)
            .maxFeePerGas(1)
            .gasLimit(21_000)
            .to(TO)
            .sign(KEY);
    assertEquals(Reason.INVALID_AUTHORIZATION_LIST, reasonOf(tx, Fork.PRAGUE));
  }
}
