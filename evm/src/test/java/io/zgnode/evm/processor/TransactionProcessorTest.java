package io.zgnode.evm.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.MapEvmWorld;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TransactionProcessorTest {
  private static final BigInteger FUNDS = BigInteger.TEN.pow(18);

  private static MapEvmWorld funded() {
    MapEvmWorld w = new MapEvmWorld();
    w.setBalance(Harness.SENDER, FUNDS);
    return w;
  }

  private static TransactionBuilder tx() {
    return TransactionBuilder.eip1559()
        .chainId(Harness.CHAIN_ID)
        .nonce(0)
        .maxPriorityFeePerGas(2)
        .maxFeePerGas(20)
        .gasLimit(100_000);
  }

  private static TransactionRejectedException.Reason rejection(MapEvmWorld w, Transaction t) {
    MapEvmWorld before = w.copy();
    TransactionRejectedException e =
        assertThrows(
            TransactionRejectedException.class,
            () -> Harness.processor(Fork.CANCUN).process(w, Harness.block(), t));
    assertEquals(before.addresses(), w.addresses(), "world unchanged");
    assertEquals(before.balance(Harness.SENDER), w.balance(Harness.SENDER));
    return e.reason();
  }

  @Test
  void transferPaysGasAndTip() {
    MapEvmWorld w = funded();
    Address to = Address.fromLong(0x1234);
    TransactionResult r =
        Harness.processor(Fork.CANCUN)
            .process(w, Harness.block(), tx().to(to).value(1000).sign(Harness.KEY));
    assertEquals(TransactionResult.Status.SUCCESS, r.status());
    assertEquals(21_000, r.gasUsed());
    // effective price = min(20, 10 + 2) = 12; the tip of 2 per gas goes to the coinbase
    assertEquals(FUNDS.subtract(BigInteger.valueOf(1000 + 21_000 * 12)), w.balance(Harness.SENDER));
    assertEquals(BigInteger.valueOf(21_000 * 2), w.balance(Harness.COINBASE));
    assertEquals(BigInteger.valueOf(1000), w.balance(to));
    assertEquals(1, w.nonce(Harness.SENDER));
  }

  @Test
  void creationDeploysAtTheSendersAddress() {
    MapEvmWorld w = funded();
    // init code: return the 1-byte runtime code 0x00 (PUSH1 0 PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0
    // RETURN)
    byte[] init = Harness.hex("6000 6000 53 6001 6000 f3");
    TransactionResult r =
        Harness.processor(Fork.CANCUN)
            .process(w, Harness.block(), tx().data(init).sign(Harness.KEY));
    Address expected = ContractAddress.create(Harness.SENDER, 0);
    assertEquals(expected, r.contractAddress());
    assertArrayEquals(new byte[] {0}, w.code(expected));
    assertEquals(1, w.nonce(expected));
  }

  @Test
  void invalidTransactionsLeaveTheWorldAlone() {
    Address to = Address.fromLong(0x1234);
    assertEquals(
        TransactionRejectedException.Reason.NONCE_TOO_HIGH,
        rejection(funded(), tx().nonce(3).to(to).sign(Harness.KEY)));
    MapEvmWorld used = funded();
    used.setNonce(Harness.SENDER, 5);
    assertEquals(
        TransactionRejectedException.Reason.NONCE_TOO_LOW,
        rejection(used, tx().to(to).sign(Harness.KEY)));
    assertEquals(
        TransactionRejectedException.Reason.INSUFFICIENT_FUNDS,
        rejection(funded(), tx().to(to).value(FUNDS).sign(Harness.KEY)));
    assertEquals(
        TransactionRejectedException.Reason.FEE_CAP_BELOW_BASE_FEE,
        rejection(funded(), tx().to(to).maxFeePerGas(9).maxPriorityFeePerGas(1).sign(Harness.KEY)));
    assertEquals(
        TransactionRejectedException.Reason.INVALID,
        rejection(funded(), tx().to(to).gasLimit(20_000).sign(Harness.KEY)));
    MapEvmWorld w = funded();
    TransactionRejectedException e =
        assertThrows(
            TransactionRejectedException.class,
            () ->
                Harness.processor(Fork.CANCUN)
                    .process(
                        w, Harness.block(), tx().to(to).sign(Harness.KEY), 50_000, Tracer.NO_OP));
    assertEquals(TransactionRejectedException.Reason.GAS_ALLOWANCE_EXCEEDED, e.reason());
  }

  @Test
  void callRunsWithoutFeesOrNonce() {
    MapEvmWorld w = new MapEvmWorld();
    Address system = Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");
    Address target = Address.fromLong(0xbeef);
    // SSTORE(0, CALLDATALOAD(0)); STOP
    w.setCode(target, Harness.hex("6000 35 6000 55 00"));
    byte[] input = Hash.fromHex("0x" + "00".repeat(31) + "2a").toArray();
    TransactionResult r =
        Harness.processor(Fork.PRAGUE)
            .call(
                w,
                Harness.block(),
                system,
                target,
                input,
                BigInteger.ZERO,
                30_000_000,
                Tracer.NO_OP);
    assertEquals(TransactionResult.Status.SUCCESS, r.status());
    assertEquals(Hash.wrap(input), w.storage(target, Hash.ZERO));
    assertEquals(false, w.exists(system), "the system address is not created");
    assertEquals(3 + 3 + 3 + 2_100 + 20_000, r.gasUsed());
  }
}
