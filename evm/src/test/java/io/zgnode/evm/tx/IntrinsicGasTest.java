package io.zgnode.evm.tx;

import static io.zgnode.evm.tx.TestKeys.CHAIN;
import static io.zgnode.evm.tx.TestKeys.KEY;
import static io.zgnode.evm.tx.TestKeys.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.evm.fork.Fork;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntrinsicGasTest {
  @Test
  void plainTransferCosts21000() {
    Transaction tx = TransactionBuilder.legacy().gasPrice(1).gasLimit(21_000).to(TO).sign(KEY);
    for (Fork f : Fork.values()) {
      assertEquals(21_000, IntrinsicGas.intrinsicGas(tx, f));
    }
    assertEquals(21_000, IntrinsicGas.floorDataGas(tx));
  }

  @Test
  void calldataCosts4PerZeroAnd16PerNonZeroByte() {
    byte[] data = {0, 0, 1, 2, 0};
    Transaction tx =
        TransactionBuilder.legacy().gasPrice(1).gasLimit(50_000).to(TO).data(data).sign(KEY);
    assertEquals(21_000 + 3 * 4 + 2 * 16, IntrinsicGas.intrinsicGas(tx, Fork.LONDON));
    // EIP-7623 floor: tokens = 3 + 4 * 2 = 11.
    assertEquals(11, IntrinsicGas.calldataTokens(data));
    assertEquals(21_000 + 110, IntrinsicGas.floorDataGas(tx));
  }

  @Test
  void creationAddsCreateCostAndInitcodeWordsFromShanghai() {
    byte[] initcode = new byte[33]; // two words, all zero
    Transaction tx =
        TransactionBuilder.legacy().gasPrice(1).gasLimit(100_000).data(initcode).sign(KEY);
    long base = 21_000 + 32_000 + 33 * 4;
    assertEquals(base, IntrinsicGas.intrinsicGas(tx, Fork.LONDON));
    assertEquals(base, IntrinsicGas.intrinsicGas(tx, Fork.PARIS));
    assertEquals(base + 2 * 2, IntrinsicGas.intrinsicGas(tx, Fork.SHANGHAI));
    assertEquals(base + 2 * 2, IntrinsicGas.intrinsicGas(tx, Fork.OSAKA));
  }

  @Test
  void accessListAndAuthorizations() {
    Transaction al = TestKeys.oneOfEach().get(2); // 2 addresses, 2 keys, no data
    assertEquals(21_000 + 2 * 2_400 + 2 * 1_900, IntrinsicGas.intrinsicGas(al, Fork.CANCUN));

    Transaction setCode = TestKeys.oneOfEach().get(5); // 2 authorizations
    assertEquals(21_000 + 2 * 25_000, IntrinsicGas.intrinsicGas(setCode, Fork.PRAGUE));
  }

  @Test
  void saturatesInsteadOfOverflowing() {
    assertEquals(
        Long.MAX_VALUE,
        IntrinsicGas.intrinsicGas(new byte[0], false, Long.MAX_VALUE / 1000, 0, 0, Fork.CANCUN));
    assertEquals(
        Long.MAX_VALUE,
        IntrinsicGas.intrinsicGas(new byte[0], false, 0, 0, Long.MAX_VALUE / 2, Fork.PRAGUE));
    // Pre-Prague, authorizations are not charged (the type is not valid there anyway).
    assertEquals(21_000, IntrinsicGas.intrinsicGas(new byte[0], false, 0, 0, 1_000, Fork.CANCUN));
  }

  @Test
  void largeCalldataStaysExact() {
    byte[] data = new byte[10_000_000];
    java.util.Arrays.fill(data, (byte) 1);
    Transaction tx =
        TransactionBuilder.eip1559()
            .chainId(CHAIN)
            .maxFeePerGas(1)
            .maxPriorityFeePerGas(1)
            .gasLimit(1)
            .to(TO)
            .data(data)
            .accessList(List.of())
            .value(BigInteger.ZERO)
            .sign(KEY);
    assertEquals(21_000 + 16L * 10_000_000, IntrinsicGas.intrinsicGas(tx, Fork.CANCUN));
    assertEquals(21_000 + 40L * 10_000_000, IntrinsicGas.floorDataGas(tx));
  }
}
