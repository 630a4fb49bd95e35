package io.zgnode.chain.sim;

import static io.zgnode.chain.sim.SimFixture.CUSTOM;
import static io.zgnode.chain.sim.SimFixture.GAS;
import static io.zgnode.chain.sim.SimFixture.INVALID;
import static io.zgnode.chain.sim.SimFixture.LOOP;
import static io.zgnode.chain.sim.SimFixture.NUMBER;
import static io.zgnode.chain.sim.SimFixture.PANICKER;
import static io.zgnode.chain.sim.SimFixture.REVERTER;
import static io.zgnode.chain.sim.SimFixture.STORE;
import static io.zgnode.chain.sim.SimFixture.UNDERFLOW;
import static io.zgnode.chain.sim.SimFixture.address;
import static io.zgnode.chain.sim.SimFixture.word;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.ChainOptions;
import io.zgnode.chain.PrunedHeightException;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.processor.TransactionResult;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.tx.TransactionValidator;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallSimulatorTest {
  private static final long GAS_CAP = 50_000_000L;
  private static final long OSAKA_CAP = TransactionValidator.MAX_TX_GAS_LIMIT_OSAKA;

  private SimFixture f;
  private CallSimulator sim;

  @BeforeEach
  void setUp() {
    f = new SimFixture();
    sim = new CallSimulator(f.chain, GAS_CAP);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private CallResult call(CallRequest req, long height) throws SimulationException {
    return sim.call(
        req,
        sim.environment(height, null, null),
        Deadline.after(Duration.ofSeconds(5)),
        Tracer.NO_OP);
  }

  private CallResult call(Address to, String data) throws SimulationException {
    return call(CallRequest.of(address(0), to, Hex.decode(data)), f.chain.latestHeight());
  }

  private static long asLong(byte[] out) {
    return new BigInteger(1, out).longValueExact();
  }

  @Test
  void readsStateAtEveryHeightAndPending() throws Exception {
    long h1 = f.height;
    f.include(f.tx(0, STORE, BigInteger.ZERO, 100_000, word(9).toArray()));
    long h2 = f.height;
    f.include(f.tx(0, STORE, BigInteger.ZERO, 100_000, word(11).toArray()));
    long h3 = f.height;
    CallRequest get = CallRequest.of(address(1), STORE, new byte[0]);
    assertEquals(5, asLong(call(get, 0).output()), "genesis");
    assertEquals(5, asLong(call(get, h1).output()));
    assertEquals(9, asLong(call(get, h2).output()));
    assertEquals(11, asLong(call(get, h3).output()));
    assertEquals(11, asLong(call(get, CallSimulator.PENDING).output()));
    SimulationException future = assertThrows(SimulationException.class, () -> call(get, h3 + 5));
    assertEquals("header not found", future.getMessage());
  }

  @Test
  void prunedHeightIsRefused() throws Exception {
    try (SimFixture pruned = new SimFixture(new ChainOptions(false, 2))) {
      for (int i = 0; i < 4; i++) {
        pruned.mine();
      }
      CallSimulator s = new CallSimulator(pruned.chain, GAS_CAP);
      assertThrows(PrunedHeightException.class, () -> s.environment(1, null, null));
      assertTrue(
          s.call(
                  CallRequest.of(address(0), STORE, new byte[0]),
                  s.environment(pruned.chain.latestHeight(), null, null),
                  Deadline.none(),
                  Tracer.NO_OP)
              .success());
    }
  }

  @Test
  void revertsCarryReasonAndData() throws Exception {
    CallResult r = call(REVERTER, "");
    assertTrue(r.reverted());
    assertEquals("nope", r.revertReason());
    assertArrayEquals(SimFixture.NOPE, r.output());
    assertEquals("execution reverted", r.error());

    CallResult p = call(PANICKER, "");
    assertEquals("assert(false)", p.revertReason());

    CallResult c = call(CUSTOM, "");
    assertTrue(c.reverted());
    assertNull(c.revertReason());
    assertArrayEquals(SimFixture.CUSTOM_ERROR, c.output());
  }

  @Test
  void haltsAreWordedAsGeth() throws Exception {
    assertEquals("invalid opcode: INVALID", call(INVALID, "").error());
    assertEquals("stack underflow (0 <=> 2)", call(UNDERFLOW, "").error());
    CallResult oog = call(CallRequest.of(address(0), LOOP, new byte[0]).withGas(50_000L), 1);
    assertEquals(TransactionResult.Status.EXCEPTIONAL_HALT, oog.status());
    assertEquals("out of gas", oog.error());
    assertEquals(50_000, oog.gasUsed());
  }

  @Test
  void undefinedOpcodeNamesIt() throws Exception {
    Map<Address, AccountOverride> code =
        Map.of(LOOP, new AccountOverride(null, null, Hex.decode("0c"), null, null));
    CallResult r =
        sim.call(
            CallRequest.of(address(0), LOOP, new byte[0]),
            sim.environment(f.chain.latestHeight(), new StateOverrides(code), null),
            Deadline.none(),
            Tracer.NO_OP);
    assertEquals("invalid opcode: opcode 0xc not defined", r.error());
  }

  @Test
  void gasDefaultsToTheCapsAndIsClamped() throws Exception {
    var env = sim.environment(f.chain.latestHeight(), null, null);
    // min(gas cap, block gas limit), then EIP-7825's 2^24 under Osaka
    assertEquals(OSAKA_CAP, sim.callGas(CallRequest.of(address(0), GAS, new byte[0]), env));
    assertEquals(
        OSAKA_CAP,
        sim.callGas(CallRequest.of(address(0), GAS, new byte[0]).withGas(90_000_000L), env));
    CallSimulator small = new CallSimulator(f.chain, 100_000);
    assertEquals(
        100_000,
        small.callGas(CallRequest.of(address(0), GAS, new byte[0]).withGas(1_000_000L), env));
    // GAS inside sees the limit minus 21000 and GAS's own 2
    long left = asLong(call(GAS, "").output());
    assertEquals(OSAKA_CAP - 21_000 - 2, left);
  }

  @Test
  void noFeesMeansNoChargeAndNoBaseFeeCheck() throws Exception {
    Address poor = Address.fromLong(0xdead);
    CallResult r = call(CallRequest.of(poor, STORE, new byte[0]), f.chain.latestHeight());
    assertTrue(r.success());
    SimulationException e =
        assertThrows(
            SimulationException.class,
            () ->
                call(
                    CallRequest.of(poor, STORE, new byte[0]).withValue(BigInteger.ONE),
                    f.chain.latestHeight()));
    assertEquals(SimulationException.Kind.REJECTED, e.kind());
    assertEquals(
        "err: insufficient funds for gas * price + value: address "
            + poor.toChecksumHex()
            + " have 0 want 1 (supplied gas "
            + OSAKA_CAP
            + ")",
        e.getMessage());
  }

  @Test
  void feesAreCheckedWhenGiven() throws Exception {
    long h = f.chain.latestHeight();
    BigInteger base = f.chain.blockContext(h).baseFee();
    CallRequest low =
        new CallRequest(
            address(0),
            STORE,
            null,
            null,
            base.subtract(BigInteger.ONE),
            BigInteger.ZERO,
            null,
            null,
            null,
            null,
            null);
    SimulationException e = assertThrows(SimulationException.class, () -> call(low, h));
    assertTrue(
        e.getMessage().startsWith("err: max fee per gas less than block base fee"), e.getMessage());

    Address poor = Address.fromLong(0xdead);
    CallRequest priced =
        new CallRequest(poor, STORE, 30_000L, base, null, null, null, null, null, null, null);
    SimulationException funds = assertThrows(SimulationException.class, () -> call(priced, h));
    assertTrue(
        funds.getMessage().contains("insufficient funds for gas * price + value"),
        funds.getMessage());

    CallRequest both =
        new CallRequest(address(0), STORE, null, base, base, null, null, null, null, null, null);
    assertEquals(
        "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified",
        assertThrows(SimulationException.class, () -> call(both, h)).getMessage());

    CallRequest tipAboveCap =
        new CallRequest(
            address(0),
            STORE,
            null,
            null,
            base,
            base.add(BigInteger.ONE),
            null,
            null,
            null,
            null,
            null);
    assertTrue(
        assertThrows(SimulationException.class, () -> call(tipAboveCap, h))
            .getMessage()
            .contains("max priority fee per gas higher than max fee per gas"));

    CallRequest paid =
        new CallRequest(address(0), STORE, null, base, null, null, null, null, null, null, null);
    assertTrue(call(paid, h).success());

    CallRequest wrongChain =
        new CallRequest(
            address(0), STORE, null, null, null, null, null, null, null, null, BigInteger.TEN);
    assertTrue(
        assertThrows(SimulationException.class, () -> call(wrongChain, h))
            .getMessage()
            .startsWith("chainId does not match node's (have=10, want=36767)"));
  }

  @Test
  void intrinsicGasTooLow() {
    SimulationException e =
        assertThrows(
            SimulationException.class,
            () -> call(CallRequest.of(address(0), STORE, new byte[0]).withGas(20_000L), 1));
    assertEquals(
        "err: intrinsic gas too low: have 20000, want 21000 (supplied gas 20000)", e.getMessage());
  }

  @Test
  void stateOverrides() throws Exception {
    long h = f.chain.latestHeight();
    Address poor = Address.fromLong(0xdead);
    // balance: a poor sender may now send value
    StateOverrides rich =
        new StateOverrides(
            Map.of(poor, new AccountOverride(SimFixture.ETH, null, null, null, null)));
    CallRequest pay = CallRequest.of(poor, address(1), new byte[0]).withValue(BigInteger.TEN);
    assertTrue(
        sim.call(pay, sim.environment(h, rich, null), Deadline.none(), Tracer.NO_OP).success());

    // code: an empty address answers with new code
    Address fresh = Address.fromLong(0xbeef);
    StateOverrides code =
        new StateOverrides(
            Map.of(
                fresh,
                new AccountOverride(null, null, Hex.decode(SimFixture.STORE_RUNTIME), null, null)));
    CallResult r =
        sim.call(
            CallRequest.of(poor, fresh, new byte[0]),
            sim.environment(h, code, null),
            Deadline.none(),
            Tracer.NO_OP);
    assertEquals(0, asLong(r.output()));

    // stateDiff patches one slot; state replaces all of them
    StateOverrides diff =
        new StateOverrides(
            Map.of(
                STORE, new AccountOverride(null, null, null, null, Map.of(Hash.ZERO, word(77)))));
    assertEquals(
        77,
        asLong(
            sim.call(
                    CallRequest.of(poor, STORE, new byte[0]),
                    sim.environment(h, diff, null),
                    Deadline.none(),
                    Tracer.NO_OP)
                .output()));
    StateOverrides state =
        new StateOverrides(
            Map.of(STORE, new AccountOverride(null, null, null, Map.of(word(1), word(3)), null)));
    var env = sim.environment(h, state, null);
    assertEquals(
        0,
        asLong(
            sim.call(CallRequest.of(poor, STORE, new byte[0]), env, Deadline.none(), Tracer.NO_OP)
                .output()));
    assertEquals(word(3), env.world().storage(STORE, word(1)));
    assertEquals(Hex.decode(SimFixture.STORE_RUNTIME).length, env.world().code(STORE).length);

    StateOverrides bothKinds =
        new StateOverrides(
            Map.of(STORE, new AccountOverride(null, null, null, Map.of(), Map.of())));
    SimulationException e =
        assertThrows(SimulationException.class, () -> sim.environment(h, bothKinds, null));
    assertEquals(SimulationException.Kind.INVALID_ARGUMENT, e.kind());
    assertEquals(
        "account " + STORE.toChecksumHex() + " has both 'state' and 'stateDiff'", e.getMessage());
    // the committed state is untouched
    assertEquals(word(5), f.chain.stateAt(h).storage(STORE, Hash.ZERO));
  }

  @Test
  void blockOverrides() throws Exception {
    long h = f.chain.latestHeight();
    assertEquals(h, asLong(call(NUMBER, "").output()));
    BlockOverrides o = new BlockOverrides(1234L, null, null, null, null, null, null);
    CallResult r =
        sim.call(
            CallRequest.of(address(0), NUMBER, new byte[0]),
            sim.environment(h, null, o),
            Deadline.none(),
            Tracer.NO_OP);
    assertEquals(1234, asLong(r.output()));
    assertEquals(
        h + 1,
        asLong(
            call(CallRequest.of(address(0), NUMBER, new byte[0]), CallSimulator.PENDING).output()));
  }

  @Test
  void creationAnswersTheDeployedCode() throws Exception {
    byte[] runtime = Hex.decode(SimFixture.STORE_RUNTIME);
    CallResult r =
        call(
            CallRequest.of(address(0), null, SimFixture.blobRuntime(runtime, false)),
            f.chain.latestHeight());
    assertTrue(r.success());
    assertArrayEquals(runtime, r.output());
  }

  @Test
  void setCodeAuthorizationsApply() throws Exception {
    // key 1 delegates to STORE's code; calling it then runs that code on key 1's own storage
    Address authority = address(1);
    var auth =
        io.zgnode.evm.tx.Authorization.sign(
            BigInteger.valueOf(SimFixture.CHAIN_ID), STORE, f.nonce(1), SimFixture.key(1));
    CallRequest req =
        new CallRequest(
            address(0),
            authority,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            java.util.List.of(auth),
            null);
    CallResult r = call(req, f.chain.latestHeight());
    assertTrue(r.success(), r.error());
    assertEquals(32, r.output().length);
    assertEquals(0, asLong(r.output()));
    assertEquals(0, call(CallRequest.of(address(0), authority, new byte[0]), 1).output().length);
    CallRequest create =
        new CallRequest(
            address(0),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            java.util.List.of(auth),
            null);
    assertTrue(
        assertThrows(SimulationException.class, () -> call(create, 1))
            .getMessage()
            .contains("EIP-7702 transaction cannot be used to create contract"));
  }

  @Test
  void timeouts() throws Exception {
    var env = sim.environment(f.chain.latestHeight(), null, null);
    SimulationException at =
        assertThrows(
            SimulationException.class,
            () ->
                sim.call(
                    CallRequest.of(address(0), LOOP, new byte[0]),
                    env,
                    Deadline.after(Duration.ZERO),
                    Tracer.NO_OP));
    assertEquals(SimulationException.Kind.TIMEOUT, at.kind());
    assertEquals("execution aborted (timeout = 0s)", at.getMessage());
    // an endless loop with 2^24 gas runs millions of instructions: stopped by the counter check
    CallSimulator uncapped = new CallSimulator(f.chain, 0);
    var env2 = uncapped.environment(f.chain.latestHeight(), null, null);
    SimulationException mid =
        assertThrows(
            SimulationException.class,
            () ->
                uncapped.call(
                    CallRequest.of(address(0), LOOP, new byte[0]),
                    env2,
                    Deadline.after(Duration.ofNanos(1)),
                    Tracer.NO_OP));
    assertEquals("execution aborted (timeout = 1ns)", mid.getMessage());
  }

  @Test
  void deadlineIsCheckedInsideALongFrame() {
    // a deadline that passes after the frame started: only the instruction counter can see it
    Deadline soon = Deadline.after(Duration.ofMillis(20));
    GuardTracer guard =
        new GuardTracer(
            soon,
            new Tracer() {
              boolean started;

              @Override
              public void onFrameStart(io.zgnode.evm.frame.MessageFrame frame) {
                if (!started) {
                  started = true;
                  long end = System.nanoTime() + 30_000_000L;
                  while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                  }
                }
              }
            });
    CallSimulator uncapped = new CallSimulator(f.chain, 0);
    assertThrows(
        SimulationException.class,
        () ->
            uncapped.call(
                CallRequest.of(address(0), LOOP, new byte[0]),
                uncapped.environment(f.chain.latestHeight(), null, null),
                soon,
                guard));
  }
}
