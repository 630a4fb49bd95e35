package io.zgnode.chain.sim;

import static io.zgnode.chain.sim.SimFixture.CALLER;
import static io.zgnode.chain.sim.SimFixture.INVALID;
import static io.zgnode.chain.sim.SimFixture.LOOP;
import static io.zgnode.chain.sim.SimFixture.REVERTER;
import static io.zgnode.chain.sim.SimFixture.STORE;
import static io.zgnode.chain.sim.SimFixture.address;
import static io.zgnode.chain.sim.SimFixture.word;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.receipt.Receipt;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.tx.TransactionValidator;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every estimate is sent as a real transaction, which must succeed with exactly that gas. */
class EstimateGasTest {
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

  private long estimate(CallRequest req) throws SimulationException {
    return sim.estimateGas(
        req,
        sim.environment(CallSimulator.PENDING, null, null),
        Deadline.after(Duration.ofSeconds(5)));
  }

  /** Estimates, then mines the call as a transaction with that gas limit; returns the receipt. */
  private Receipt estimateAndSend(Address to, BigInteger value, byte[] data) throws Exception {
    long gas =
        estimate(
            new CallRequest(address(0), to, null, null, null, null, value, data, null, null, null));
    Receipt r = f.include(f.tx(0, to, value, gas, data));
    assertTrue(r.success(), "the estimate " + gas + " must be enough");
    assertTrue(gas >= r.gasUsed());
    return r;
  }

  @Test
  void plainTransferIsExactly21000() throws Exception {
    Address fresh = Address.fromLong(0xabcdef);
    assertEquals(
        21_000,
        estimate(
            new CallRequest(
                address(0),
                fresh,
                null,
                null,
                null,
                null,
                BigInteger.TEN,
                null,
                null,
                null,
                null)));
    Receipt r = estimateAndSend(fresh, BigInteger.TEN, new byte[0]);
    assertEquals(21_000, r.gasUsed());
  }

  @Test
  void contractCreation() throws Exception {
    byte[] init = SimFixture.blobRuntime(Hex.decode(SimFixture.STORE_RUNTIME), false);
    Receipt r = estimateAndSend(null, BigInteger.ZERO, init);
    assertArrayEquals(
        Hex.decode(SimFixture.STORE_RUNTIME), f.chain.stateAt(f.height).code(r.contractAddress()));
  }

  @Test
  void callWithRefund() throws Exception {
    // slot 0 is 5: clearing it earns a refund, so gas used < gas needed
    long gas = estimate(CallRequest.of(address(0), STORE, word(0).toArray()));
    Receipt r = f.include(f.tx(0, STORE, BigInteger.ZERO, gas, word(0).toArray()));
    assertTrue(r.success());
    assertTrue(gas > r.gasUsed(), "the refund makes the needed gas higher than the gas used");
    assertEquals(Hash.ZERO, f.chain.stateAt(f.height).storage(STORE, Hash.ZERO));
  }

  @Test
  void callForwardingSixtyThreeSixtyFourths() throws Exception {
    // CALLER hands 63/64 of its gas to STORE, which needs ~22k for a fresh slot write
    f.include(f.tx(0, STORE, BigInteger.ZERO, 100_000, word(0).toArray())); // slot 0 -> 0
    CallRequest req = CallRequest.of(address(0), CALLER, word(123).toArray());
    // the same call with exactly the gas it will use fails: the callee only gets 63/64
    long used =
        sim.call(
                req,
                sim.environment(CallSimulator.PENDING, null, null),
                Deadline.none(),
                io.zgnode.evm.tracing.Tracer.NO_OP)
            .gasUsed();
    assertFalse(
        sim.call(
                req.withGas(used),
                sim.environment(CallSimulator.PENDING, null, null),
                Deadline.none(),
                io.zgnode.evm.tracing.Tracer.NO_OP)
            .success());
    Receipt r = estimateAndSend(CALLER, BigInteger.ZERO, word(123).toArray());
    assertEquals(used, r.gasUsed());
    assertEquals(word(123), f.chain.stateAt(f.height).storage(STORE, Hash.ZERO));
  }

  @Test
  void revertAnswersWithItsData() {
    SimulationException e =
        assertThrows(
            SimulationException.class,
            () -> estimate(CallRequest.of(address(0), REVERTER, new byte[0])));
    assertEquals(SimulationException.Kind.REVERTED, e.kind());
    assertEquals("execution reverted: nope", e.getMessage());
    assertArrayEquals(SimFixture.NOPE, e.output());
  }

  @Test
  void otherFailures() {
    SimulationException invalid =
        assertThrows(
            SimulationException.class,
            () -> estimate(CallRequest.of(address(0), INVALID, new byte[0])));
    assertEquals(SimulationException.Kind.VM_ERROR, invalid.kind());
    assertEquals("invalid opcode: INVALID", invalid.getMessage());
    SimulationException loop =
        assertThrows(
            SimulationException.class,
            () -> estimate(CallRequest.of(address(0), LOOP, new byte[0])));
    assertEquals(
        "gas required exceeds allowance (" + TransactionValidator.MAX_TX_GAS_LIMIT_OSAKA + ")",
        loop.getMessage());
    SimulationException capped =
        assertThrows(
            SimulationException.class,
            () -> estimate(CallRequest.of(address(0), LOOP, new byte[0]).withGas(60_000L)));
    assertEquals("gas required exceeds allowance (60000)", capped.getMessage());
  }

  @Test
  void feeCapLimitsTheAllowance() throws Exception {
    Address poor = Address.fromLong(0xdead);
    BigInteger base = f.chain.nextBaseFee();
    CallRequest req =
        new CallRequest(poor, STORE, null, base, null, null, null, null, null, null, null);
    SimulationException e = assertThrows(SimulationException.class, () -> estimate(req));
    assertEquals("insufficient funds for transfer", e.getMessage());
    // funded for about 25k gas at that price: enough for a read, not for a write
    StateOverrides some =
        new StateOverrides(
            java.util.Map.of(
                poor,
                new AccountOverride(
                    base.multiply(BigInteger.valueOf(25_000)), null, null, null, null)));
    long gas =
        sim.estimateGas(
            req,
            sim.environment(CallSimulator.PENDING, some, null),
            io.zgnode.chain.sim.Deadline.none());
    assertTrue(gas > 21_000 && gas <= 25_000, "gas " + gas);
    CallRequest write =
        new CallRequest(
            poor, STORE, null, base, null, null, null, word(1).toArray(), null, null, null);
    SimulationException exceeds =
        assertThrows(
            SimulationException.class,
            () ->
                sim.estimateGas(
                    write, sim.environment(CallSimulator.PENDING, some, null), Deadline.none()));
    assertEquals("gas required exceeds allowance (25000)", exceeds.getMessage());
  }

  @Test
  void estimateStaysWithinGethTolerance() throws Exception {
    long gas = estimate(CallRequest.of(address(0), CALLER, word(77).toArray()));
    // the lowest gas that works is at most 1.5% below the estimate
    CallResult below =
        sim.call(
            CallRequest.of(address(0), CALLER, word(77).toArray()).withGas(gas * 1000 / 1015 - 1),
            sim.environment(CallSimulator.PENDING, null, null),
            Deadline.none(),
            io.zgnode.evm.tracing.Tracer.NO_OP);
    assertFalse(below.success(), "an estimate more than 1.5% too high");
  }
}
