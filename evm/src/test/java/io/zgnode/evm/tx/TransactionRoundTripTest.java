package io.zgnode.evm.tx;

import static io.zgnode.evm.tx.TestKeys.CHAIN;
import static io.zgnode.evm.tx.TestKeys.KEY;
import static io.zgnode.evm.tx.TestKeys.OTHER_KEY;
import static io.zgnode.evm.tx.TestKeys.SENDER;
import static io.zgnode.evm.tx.TestKeys.TO;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransactionRoundTripTest {
  @Test
  void everyTypeRoundTrips() {
    List<Transaction> txs = TestKeys.oneOfEach();
    assertEquals(
        List.of(
            TransactionType.LEGACY,
            TransactionType.LEGACY,
            TransactionType.ACCESS_LIST,
            TransactionType.EIP1559,
            TransactionType.BLOB,
            TransactionType.SET_CODE),
        txs.stream().map(Transaction::type).toList());
    for (Transaction tx : txs) {
      byte[] enc = tx.encoded();
      if (tx.type() == TransactionType.LEGACY) {
        assertTrue((enc[0] & 0xff) >= 0xc0, "legacy is a bare list");
      } else {
        assertEquals(tx.type().code(), enc[0], "type byte");
      }
      Transaction back = TransactionDecoder.decode(enc);
      assertArrayEquals(enc, back.encoded());
      assertEquals(tx.hash(), back.hash());
      assertEquals(Hash.keccak(enc), back.hash());
      assertEquals(tx.signingHash(), back.signingHash());
      assertEquals(SENDER, back.sender(), "sender of " + tx.type());
      assertEquals(tx.type(), back.type());
      assertEquals(tx.chainId(), back.chainId());
      assertEquals(tx.nonce(), back.nonce());
      assertEquals(tx.maxFeePerGas(), back.maxFeePerGas());
      assertEquals(tx.maxPriorityFeePerGas(), back.maxPriorityFeePerGas());
      assertEquals(tx.gasPrice(), back.gasPrice());
      assertEquals(tx.gasLimit(), back.gasLimit());
      assertEquals(tx.to(), back.to());
      assertEquals(tx.value(), back.value());
      assertArrayEquals(tx.data(), back.data());
      assertEquals(tx.accessList(), back.accessList());
      assertEquals(tx.maxFeePerBlobGas(), back.maxFeePerBlobGas());
      assertEquals(tx.blobVersionedHashes(), back.blobVersionedHashes());
      assertEquals(tx.authorizationList(), back.authorizationList());
      assertEquals(tx.v(), back.v());
      assertEquals(tx.r(), back.r());
      assertEquals(tx.s(), back.s());
      assertEquals(tx.yParity(), back.yParity());
      assertEquals(enc.length, back.encodedSize());
      assertEquals(tx, back);
      assertEquals(tx.hashCode(), back.hashCode());
      assertTrue(tx.s().compareTo(Secp256k1.HALF_N) <= 0, "low s");
    }
  }

  @Test
  void eip155SpecificationExample() {
    // The worked example of EIP-155: nonce 9, 20 gwei, 21000 gas, 1 ether to 0x3535..., chain 1.
    BigInteger key =
        new BigInteger("4646464646464646464646464646464646464646464646464646464646464646", 16);
    TransactionBuilder b =
        TransactionBuilder.legacy()
            .chainId(1)
            .nonce(9)
            .gasPrice(20_000_000_000L)
            .gasLimit(21_000)
            .to(TO)
            .value(BigInteger.TEN.pow(18));
    Transaction tx = b.sign(key);
    assertEquals(
        Hash.fromHex("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"),
        tx.signingHash());
    assertEquals(BigInteger.valueOf(37), tx.v());
    assertEquals(
        new BigInteger(
            "18515461264373351373200002665853028612451056578545711640558177340181847433846"),
        tx.r());
    assertEquals(
        new BigInteger(
            "46948507304638947509940763649030358759909902576025900602547168820602576006531"),
        tx.s());
    assertEquals(
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000"
            + "8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f7"
            + "61aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
        Hex.encode(tx.encoded()));
    assertEquals(Secp256k1.address(key), TransactionDecoder.decode(tx.encoded()).sender());
    // The signing payload is the 9-item list with the chain id and two zeros.
    assertEquals(
        "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080"
            + "018080",
        Hex.encode(TransactionEncoder.signingPayload(tx)));
  }

  @Test
  void preEip155LegacyHasNoChainId() {
    Transaction tx =
        TransactionBuilder.legacy().nonce(0).gasPrice(1).gasLimit(21_000).to(TO).sign(KEY);
    assertNull(tx.chainId());
    assertFalse(tx.isReplayProtected());
    assertTrue(tx.v().intValue() == 27 || tx.v().intValue() == 28);
    assertEquals(SENDER, TransactionDecoder.decode(tx.encoded()).sender());
  }

  @Test
  void typedSigningHashIsTypePrefixed() {
    for (Transaction tx : TestKeys.oneOfEach()) {
      byte[] payload = TransactionEncoder.signingPayload(tx);
      if (tx.type() != TransactionType.LEGACY) {
        assertEquals(tx.type().code(), payload[0]);
      }
      assertEquals(Hash.wrap(Keccak256.hash(payload)), tx.signingHash());
    }
  }

  @Test
  void contractCreationAndAccessors() {
    List<Transaction> txs = TestKeys.oneOfEach();
    assertFalse(txs.get(0).isContractCreation());
    assertTrue(txs.get(1).isContractCreation());
    assertEquals(2 * Transaction.GAS_PER_BLOB, txs.get(4).blobGas());
    assertEquals(0, txs.get(3).blobGas());
    assertThrows(UnsupportedOperationException.class, () -> txs.get(2).accessList().clear());
  }

  @Test
  void effectiveGasPriceAndMaxCost() {
    Transaction legacy = TestKeys.oneOfEach().get(0);
    assertEquals(BigInteger.valueOf(20_000_000_000L), legacy.effectiveGasPrice(BigInteger.TEN));
    assertEquals(BigInteger.valueOf(50_000L * 20_000_000_000L + 1), legacy.maxCost());

    Transaction dyn =
        TransactionBuilder.eip1559()
            .chainId(CHAIN)
            .maxPriorityFeePerGas(2)
            .maxFeePerGas(10)
            .gasLimit(21_000)
            .to(TO)
            .value(5)
            .sign(KEY);
    assertEquals(BigInteger.valueOf(7), dyn.effectiveGasPrice(BigInteger.valueOf(5)));
    assertEquals(BigInteger.valueOf(10), dyn.effectiveGasPrice(BigInteger.valueOf(9)));
    assertEquals(BigInteger.valueOf(21_000L * 10 + 5), dyn.maxCost());
    assertThrows(IllegalArgumentException.class, () -> dyn.effectiveGasPrice(null));

    Transaction blob = TestKeys.oneOfEach().get(4);
    assertEquals(
        BigInteger.valueOf(21_000L * 100 + 2 * Transaction.GAS_PER_BLOB * 7), blob.maxCost());

    Transaction hugeGas = TransactionBuilder.legacy().gasPrice(2).gasLimit(-1L).to(TO).sign(KEY);
    assertEquals(
        BigInteger.TWO.pow(64).subtract(BigInteger.ONE).multiply(BigInteger.TWO),
        hugeGas.maxCost());
  }

  @Test
  void authorizationsRecoverTheirAuthority() {
    Transaction tx = TestKeys.oneOfEach().get(5);
    Transaction back = TransactionDecoder.decode(tx.encoded());
    Authorization a0 = back.authorizationList().get(0);
    Authorization a1 = back.authorizationList().get(1);
    assertEquals(Secp256k1.address(OTHER_KEY), a0.authority());
    assertEquals(SENDER, a1.authority());
    assertEquals(BigInteger.valueOf(CHAIN), a0.chainId());
    assertEquals(TO, a0.address());
    assertEquals(5, a0.nonce());
    // A bad parity or a high s makes the tuple invalid, not the transaction.
    assertNull(new Authorization(a0.chainId(), a0.address(), 5, 2, a0.r(), a0.s()).authority());
    assertNull(
        new Authorization(
                a0.chainId(),
                a0.address(),
                5,
                a0.yParity() ^ 1,
                a0.r(),
                Secp256k1.N.subtract(a0.s()))
            .authority());
    // The tuple signs keccak(0x05 || rlp([chainId, address, nonce])).
    assertArrayEquals(
        Keccak256.hash(Hex.decode("0x05d98240d8943535353535353535353535353535353535353535" + "05")),
        a0.signingHash());
  }

  @Test
  void senderIsRecoveredOnceAcrossThreads() throws Exception {
    Transaction tx = TransactionDecoder.decode(TestKeys.oneOfEach().get(3).encoded());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Address>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(tx::sender));
      }
      Address first = results.get(0).get(10, TimeUnit.SECONDS);
      for (Future<Address> f : results) {
        assertSame(first, f.get(10, TimeUnit.SECONDS));
      }
      assertEquals(SENDER, first);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unrecoverableSenderFailsWithAClearMessageEveryTime() {
    // r = N-1 is no curve point's x coordinate: decodes, but no key recovers.
    Transaction tx =
        TransactionBuilder.legacy()
            .gasPrice(1)
            .gasLimit(21_000)
            .to(TO)
            .withSignature(0, Secp256k1.N.subtract(BigInteger.ONE), BigInteger.ONE);
    Transaction decoded = TransactionDecoder.decode(tx.encoded());
    for (int i = 0; i < 2; i++) {
      InvalidTransactionException e =
          assertThrows(InvalidTransactionException.class, decoded::sender);
      assertEquals(InvalidTransactionException.Reason.INVALID_SENDER, e.reason());
      assertTrue(e.getMessage().startsWith("invalid sender: "), e.getMessage());
    }
  }

  @Test
  void builderRejectsInconsistentFields() {
    assertThrows(
        IllegalStateException.class,
        () -> TransactionBuilder.eip1559().chainId(1).gasPrice(1).gasLimit(21_000).sign(KEY));
    assertThrows(
        IllegalStateException.class,
        () -> TransactionBuilder.accessList().gasPrice(1).gasLimit(21_000).sign(KEY));
    assertThrows(
        IllegalStateException.class,
        () ->
            TransactionBuilder.blob()
                .chainId(1)
                .maxFeePerGas(1)
                .maxPriorityFeePerGas(1)
                .maxFeePerBlobGas(1)
                .gasLimit(21_000)
                .sign(KEY));
    assertThrows(IllegalStateException.class, () -> TransactionBuilder.legacy().sign(KEY));
    assertThrows(IllegalArgumentException.class, () -> TransactionBuilder.legacy().value(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> TransactionBuilder.legacy().gasPrice(BigInteger.TWO.pow(256)));
  }
}
