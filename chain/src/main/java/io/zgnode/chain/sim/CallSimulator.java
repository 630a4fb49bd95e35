package io.zgnode.chain.sim;

import io.zgnode.chain.Chain;
import io.zgnode.chain.evm.UpdaterEvmWorld;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.processor.BlockContext;
import io.zgnode.evm.processor.ContractAddress;
import io.zgnode.evm.processor.EvmConfig;
import io.zgnode.evm.processor.TransactionProcessor;
import io.zgnode.evm.processor.TransactionRejectedException;
import io.zgnode.evm.processor.TransactionResult;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.tx.AccessListEntry;
import io.zgnode.evm.tx.Authorization;
import io.zgnode.evm.tx.IntrinsicGas;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.tx.TransactionValidator;
import io.zgnode.evm.types.Address;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldUpdater;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs call messages against committed state the way geth's eth_call, eth_estimateGas and
 * eth_createAccessList do: unsigned, nonce and sender-has-code checks skipped, and without fees
 * unless the caller gives some (then the fee cap must cover the base fee and the balance the
 * maximum cost). Every run happens on a throwaway {@link WorldUpdater}; nothing reaches consensus
 * state.
 *
 * <p>Thread-safe: any number of requests may simulate at once, each on its own {@link Environment}.
 */
public final class CallSimulator {
  /** The height to pass for the "pending" block: the latest state in the next block's context. */
  public static final long PENDING = -1;

  private static final long TX_GAS = IntrinsicGas.TX_BASE;
  private static final long CALL_STIPEND = 2_300;
  private static final int MAX_ACCESS_LIST_ROUNDS = 64;

  private final Chain chain;
  private final long gasCap;
  private final Map<Fork, TransactionProcessor> processors = new ConcurrentHashMap<>();

  /**
   * @param gasCap the most gas one simulation may use (RpcConfig.gasCap); 0 for no cap
   */
  public CallSimulator(Chain chain, long gasCap) {
    if (gasCap < 0) {
      throw new IllegalArgumentException("gas cap must be >= 0, got " + gasCap);
    }
    this.chain = chain;
    this.gasCap = gasCap;
  }

  /**
   * The state and block one request simulates on.
   *
   * @param world a scratch state, overrides applied; runs change it, so one request owns it
   * @param context the block's chain-level context (fork, chain id...)
   * @param block the block as the EVM sees it, block overrides applied
   */
  public record Environment(
      WorldUpdater world, io.zgnode.chain.exec.BlockContext context, BlockContext block) {
    public Fork fork() {
      return context.fork();
    }
  }

  /**
   * The state after {@code height} in the context of block {@code height} (for {@link #PENDING}:
   * the latest state in the next block's context), with the overrides applied.
   *
   * @throws io.zgnode.chain.PrunedHeightException when that state is no longer kept
   * @throws SimulationException when an override is invalid
   */
  public Environment environment(long height, StateOverrides state, BlockOverrides block)
      throws SimulationException {
    WorldUpdater world;
    io.zgnode.chain.exec.BlockContext ctx;
    try {
      if (height == PENDING) {
        world = chain.scratchUpdaterAt(chain.latestHeight());
        ctx = chain.pendingContext();
      } else {
        world = chain.scratchUpdaterAt(height);
        ctx = chain.blockContext(height);
      }
    } catch (IllegalArgumentException e) {
      throw new SimulationException(SimulationException.Kind.NOT_FOUND, "header not found");
    }
    (state == null ? StateOverrides.NONE : state).applyTo(world);
    BlockContext evmBlock = (block == null ? BlockOverrides.NONE : block).applyTo(ctx.evmBlock());
    return new Environment(world, ctx, evmBlock);
  }

  /** The gas a call runs with: the request's (at most the cap), else min(cap, block gas limit). */
  public long callGas(CallRequest req, Environment env) {
    long blockLimit = env.block().gasLimit();
    long gas;
    if (req.gas() == null) {
      gas = gasCap == 0 ? blockLimit : Math.min(gasCap, blockLimit);
    } else {
      gas = gasCap != 0 && Long.compareUnsigned(req.gas(), gasCap) > 0 ? gasCap : req.gas();
    }
    return osakaCap(gas, env.fork());
  }

  /**
   * eth_call: runs the request and returns how it ended (a revert or a halt is a result, not an
   * exception).
   *
   * @param tracer watches the execution (Tracer.NO_OP for none)
   * @throws SimulationException REJECTED worded as geth's eth_call ("err: ... (supplied gas N)")
   *     when the call cannot run, TIMEOUT when the deadline passes
   */
  public CallResult call(CallRequest req, Environment env, Deadline deadline, Tracer tracer)
      throws SimulationException {
    long gas = callGas(req, env);
    Outcome o = run(message(req, env), env, gas, deadline, tracer);
    if (o instanceof Rejected r) {
      throw new SimulationException(
          SimulationException.Kind.REJECTED,
          "err: " + r.message() + " (supplied gas " + Long.toUnsignedString(gas) + ")");
    }
    return ((Executed) o).result();
  }

  /**
   * As {@link #call} but a call that cannot run throws with the bare reason (what debug_traceCall
   * wraps in "tracing failed: ...").
   */
  public CallResult execute(CallRequest req, Environment env, Deadline deadline, Tracer tracer)
      throws SimulationException {
    Outcome o = run(message(req, env), env, callGas(req, env), deadline, tracer);
    if (o instanceof Rejected r) {
      throw new SimulationException(SimulationException.Kind.REJECTED, r.message());
    }
    return ((Executed) o).result();
  }

  /**
   * eth_estimateGas, geth's algorithm: the highest allowance (the request's gas or the block gas
   * limit, capped by EIP-7825, by what the balance can pay at the given fee and by the gas cap);
   * 21000 at once for a plain transfer; one run at the allowance to catch calls that fail whatever
   * their gas (a revert answers with its data); then a first guess at (gas before refund + 2300) *
   * 64/63 and a binary search, lower bound favoured, that stops within 1.5% of the lowest gas that
   * succeeds. The answer is always a gas limit at which the call succeeded.
   *
   * @throws SimulationException REVERTED with the revert data, VM_ERROR for other failures,
   *     REJECTED for "gas required exceeds allowance (N)" and calls that cannot run, TIMEOUT
   */
  public long estimateGas(CallRequest req, Environment env, Deadline deadline)
      throws SimulationException {
    Message m = message(req, env);
    long hi = env.block().gasLimit();
    if (req.gas() != null && Long.compareUnsigned(req.gas(), TX_GAS) >= 0) {
      hi = req.gas();
    }
    hi = osakaCap(hi, env.fork());
    if (m.feeCap().signum() != 0) {
      BigInteger available = balance(env.world(), m.from());
      if (m.value().compareTo(available) >= 0) {
        throw new SimulationException(
            SimulationException.Kind.REJECTED, "insufficient funds for transfer");
      }
      BigInteger allowance = available.subtract(m.value()).divide(m.feeCap());
      if (allowance.bitLength() <= 64 && Long.compareUnsigned(hi, allowance.longValue()) > 0) {
        hi = allowance.longValue();
      }
    }
    if (gasCap != 0 && Long.compareUnsigned(hi, gasCap) > 0) {
      hi = gasCap;
    }
    if (hi < 0) {
      hi = Long.MAX_VALUE; // an unsigned allowance above 2^63: more than any block has
    }
    if (m.data().length == 0 && m.to() != null && env.world().code(m.to()).length == 0) {
      Trial plain = trial(m, env, TX_GAS, deadline);
      if (plain.bail() == null && !plain.failed()) {
        return TX_GAS;
      }
    }
    Trial first = trial(m, env, hi, deadline);
    if (first.bail() != null) {
      throw new SimulationException(
          SimulationException.Kind.REJECTED,
          "failed with " + hi + " gas: " + first.bail().message());
    }
    if (first.failed()) {
      CallResult r = first.result();
      if (r != null && r.haltReason() != HaltReason.OUT_OF_GAS) {
        if (r.reverted()) {
          String reason = r.revertReason();
          throw new SimulationException(
              SimulationException.Kind.REVERTED,
              reason == null ? "execution reverted" : "execution reverted: " + reason,
              r.output());
        }
        throw new SimulationException(SimulationException.Kind.VM_ERROR, r.error());
      }
      throw new SimulationException(
          SimulationException.Kind.REJECTED, "gas required exceeds allowance (" + hi + ")");
    }
    long lo = first.result().gasUsed() - 1;
    long peak = first.result().peakGasUsed();
    if (peak < Long.MAX_VALUE / 64 - CALL_STIPEND) {
      long optimistic = (peak + CALL_STIPEND) * 64 / 63;
      if (optimistic < hi) {
        Trial t = trial(m, env, optimistic, deadline);
        if (t.bail() != null) {
          throw new SimulationException(SimulationException.Kind.REJECTED, t.bail().message());
        }
        if (t.failed()) {
          lo = optimistic;
        } else {
          hi = optimistic;
        }
      }
    }
    while (lo + 1 < hi) {
      if (closeEnough(lo, hi)) {
        break;
      }
      long mid = lo + (hi - lo) / 2;
      if (lo <= Long.MAX_VALUE / 2 && mid > lo * 2) {
        // Most calls need little more than they use, so search the low end first.
        mid = lo * 2;
      }
      Trial t = trial(m, env, mid, deadline);
      if (t.bail() != null) {
        throw new SimulationException(SimulationException.Kind.REJECTED, t.bail().message());
      }
      if (t.failed()) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** geth's 1.5% tolerance, (hi - lo) / hi < 0.015, in integers. */
  private static boolean closeEnough(long lo, long hi) {
    return BigInteger.valueOf(hi - lo)
            .multiply(BigInteger.valueOf(1000))
            .compareTo(BigInteger.valueOf(hi).multiply(BigInteger.valueOf(15)))
        < 0;
  }

  /**
   * eth_createAccessList: runs the call with the access list found so far until the list stops
   * growing (geth's loop), then answers the list, the gas used with it and the run's VM error.
   */
  public AccessListResult createAccessList(CallRequest req, Environment env, Deadline deadline)
      throws SimulationException {
    Message base = message(req, env);
    long gas = callGas(req, env);
    Address to =
        base.to() != null
            ? base.to()
            : ContractAddress.create(base.from(), nonce(env.world(), base.from()));
    Set<Address> excluded = new HashSet<>(processor(env.fork()).config().precompiles().keySet());
    excluded.add(base.from());
    excluded.add(to);
    AccessListTracer previous = new AccessListTracer(req.accessList(), excluded);
    for (int round = 1; ; round++) {
      checkDeadline(deadline);
      List<AccessListEntry> list = previous.accessList();
      Message m = base.withAccessList(list);
      AccessListTracer tracer = new AccessListTracer(list, excluded);
      int checkpoint = env.world().checkpoint();
      Outcome o;
      try {
        o = run(m, env, gas, deadline, tracer);
      } finally {
        env.world().revertTo(checkpoint);
      }
      if (o instanceof Rejected r) {
        throw new SimulationException(
            SimulationException.Kind.REJECTED, "failed to apply transaction: err: " + r.message());
      }
      CallResult result = ((Executed) o).result();
      if (tracer.sameAs(previous) || round >= MAX_ACCESS_LIST_ROUNDS) {
        return new AccessListResult(list, result.gasUsed(), result.error());
      }
      previous = tracer;
    }
  }

  /** The precompile addresses of {@code fork} (never in an access list). */
  public Set<Address> precompiles(Fork fork) {
    return processor(fork).config().precompiles().keySet();
  }

  // ---- one run ---------------------------------------------------------------------------------

  /** A call message with geth's fee fields resolved. */
  private record Message(
      Address from,
      Address to,
      BigInteger value,
      byte[] data,
      List<AccessListEntry> accessList,
      List<Authorization> authorizations,
      BigInteger feeCap,
      BigInteger tipCap,
      BigInteger price) {
    boolean noFees() {
      return feeCap.signum() == 0 && tipCap.signum() == 0;
    }

    Message withAccessList(List<AccessListEntry> list) {
      return new Message(from, to, value, data, list, authorizations, feeCap, tipCap, price);
    }
  }

  private sealed interface Outcome permits Executed, Rejected {}

  private record Executed(CallResult result) implements Outcome {}

  /** The call could not run; {@code gasRelated} when more gas would have let it (intrinsic gas). */
  private record Rejected(boolean gasRelated, String message) implements Outcome {}

  /** One estimation run: failed (for lack of gas, or a revert), or a reason to give up. */
  private record Trial(boolean failed, CallResult result, Rejected bail) {}

  private Message message(CallRequest req, Environment env) throws SimulationException {
    if (req.gasPrice() != null
        && (req.maxFeePerGas() != null || req.maxPriorityFeePerGas() != null)) {
      throw new SimulationException(
          SimulationException.Kind.REJECTED,
          "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    BigInteger chainId = env.block().chainId();
    if (req.chainId() != null && !req.chainId().equals(chainId)) {
      throw new SimulationException(
          SimulationException.Kind.REJECTED,
          "chainId does not match node's (have=" + req.chainId() + ", want=" + chainId + ")");
    }
    BigInteger feeCap;
    BigInteger tipCap;
    if (req.gasPrice() != null) {
      feeCap = req.gasPrice();
      tipCap = req.gasPrice();
    } else {
      feeCap = req.maxFeePerGas() == null ? BigInteger.ZERO : req.maxFeePerGas();
      tipCap = req.maxPriorityFeePerGas() == null ? BigInteger.ZERO : req.maxPriorityFeePerGas();
    }
    BigInteger price = BigInteger.ZERO;
    if (feeCap.signum() != 0 || tipCap.signum() != 0) {
      price = tipCap.add(env.block().baseFee()).min(feeCap);
    }
    return new Message(
        req.from(),
        req.to(),
        req.value(),
        req.data(),
        req.accessList(),
        req.authorizationList(),
        feeCap,
        tipCap,
        price);
  }

  /** Runs {@code m} once with {@code gas} on a checkpoint of the environment, then undoes it. */
  private Trial trial(Message m, Environment env, long gas, Deadline deadline)
      throws SimulationException {
    int checkpoint = env.world().checkpoint();
    Outcome o;
    try {
      o = run(m, env, gas, deadline, Tracer.NO_OP);
    } finally {
      env.world().revertTo(checkpoint);
    }
    return switch (o) {
      case Rejected r when r.gasRelated() -> new Trial(true, null, null);
      case Rejected r -> new Trial(true, null, r);
      case Executed e -> new Trial(!e.result().success(), e.result(), null);
    };
  }

  private Outcome run(Message m, Environment env, long gas, Deadline deadline, Tracer tracer)
      throws SimulationException {
    Fork fork = env.fork();
    BlockContext block = env.block();
    if (m.price().signum() == 0 && block.baseFee().signum() != 0) {
      // geth lowers the base fee to 0 for a fee-less call so BASEFEE <= GASPRICE still holds
      block = withBaseFee(block, BigInteger.ZERO);
    }
    Rejected rejected = precheck(m, gas, block, env.world(), fork);
    if (rejected != null) {
      return rejected;
    }
    Transaction tx = unsigned(m, gas, block.chainId());
    GuardTracer guard = new GuardTracer(deadline, tracer);
    TransactionResult r;
    try {
      r = processor(fork).simulate(new UpdaterEvmWorld(env.world()), block, tx, m.from(), guard);
    } catch (TransactionRejectedException e) {
      return new Rejected(false, e.getMessage());
    } catch (DeadlineExceededException e) {
      throw new SimulationException(SimulationException.Kind.TIMEOUT, e.getMessage());
    }
    byte[] output = r.output();
    if (r.contractAddress() != null && guard.topOutput() != null) {
      output = guard.topOutput(); // geth answers a creation with the deployed code
    }
    String error =
        switch (r.status()) {
          case SUCCESS -> null;
          case REVERT -> "execution reverted";
          case EXCEPTIONAL_HALT -> {
            String e = guard.topError(r.haltReason());
            yield e == null ? "execution failed" : e;
          }
        };
    return new Executed(
        new CallResult(
            r.status(),
            r.gasUsed(),
            r.refund(),
            output,
            r.logs(),
            r.contractAddress(),
            r.haltReason(),
            error));
  }

  /**
   * geth's checks before a call runs, in geth's order and words: fee caps (unless the call has no
   * fees), set-code form, funds for gas * fee cap + value, intrinsic gas, the EIP-7623 floor, the
   * init code size.
   */
  private static Rejected precheck(
      Message m, long gas, BlockContext block, WorldUpdater world, Fork fork) {
    String from = m.from().toChecksumHex();
    if (!m.noFees()) {
      if (m.tipCap().compareTo(m.feeCap()) > 0) {
        return new Rejected(
            false,
            "max priority fee per gas higher than max fee per gas: address "
                + from
                + ", maxPriorityFeePerGas: "
                + m.tipCap()
                + ", maxFeePerGas: "
                + m.feeCap());
      }
      if (m.feeCap().compareTo(block.baseFee()) < 0) {
        return new Rejected(
            false,
            "max fee per gas less than block base fee: address "
                + from
                + ", maxFeePerGas: "
                + m.feeCap()
                + ", baseFee: "
                + block.baseFee());
      }
    }
    if (!m.authorizations().isEmpty()) {
      if (!fork.isAtLeast(Fork.PRAGUE)) {
        return new Rejected(false, "transaction type not supported");
      }
      if (m.to() == null) {
        return new Rejected(
            false, "EIP-7702 transaction cannot be used to create contract (sender " + from + ")");
      }
    }
    BigInteger want = unsigned(gas).multiply(m.feeCap()).add(m.value());
    BigInteger have = balance(world, m.from());
    if (have.compareTo(want) < 0) {
      return new Rejected(
          false,
          "insufficient funds for gas * price + value: address "
              + from
              + " have "
              + have
              + " want "
              + want);
    }
    long keys = 0;
    for (AccessListEntry e : m.accessList()) {
      keys += e.storageKeys().size();
    }
    long intrinsic =
        IntrinsicGas.intrinsicGas(
            m.data(), m.to() == null, m.accessList().size(), keys, m.authorizations().size(), fork);
    if (Long.compareUnsigned(gas, intrinsic) < 0) {
      return new Rejected(
          true,
          "intrinsic gas too low: have " + Long.toUnsignedString(gas) + ", want " + intrinsic);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      long floor = IntrinsicGas.floorDataGas(m.data());
      if (Long.compareUnsigned(gas, floor) < 0) {
        return new Rejected(
            true,
            "insufficient gas for floor data gas cost: have "
                + Long.toUnsignedString(gas)
                + ", want "
                + floor);
      }
    }
    if (m.to() == null
        && fork.isAtLeast(Fork.SHANGHAI)
        && m.data().length > TransactionValidator.MAX_INITCODE_SIZE) {
      return new Rejected(
          false,
          "max initcode size exceeded: code size "
              + m.data().length
              + " limit "
              + TransactionValidator.MAX_INITCODE_SIZE);
    }
    return null;
  }

  /** The message as an unsigned transaction for the processor's simulate. */
  private static Transaction unsigned(Message m, long gas, BigInteger chainId) {
    TransactionBuilder b =
        m.authorizations().isEmpty() ? TransactionBuilder.eip1559() : TransactionBuilder.setCode();
    b.chainId(chainId)
        .maxFeePerGas(m.feeCap())
        .maxPriorityFeePerGas(m.tipCap())
        .gasLimit(gas)
        .to(m.to())
        .value(m.value())
        .data(m.data())
        .accessList(m.accessList());
    if (!m.authorizations().isEmpty()) {
      b.authorizationList(m.authorizations());
    }
    return b.withSignature(0, BigInteger.ZERO, BigInteger.ZERO);
  }

  private TransactionProcessor processor(Fork fork) {
    return processors.computeIfAbsent(fork, f -> new TransactionProcessor(EvmConfig.forFork(f)));
  }

  private static long osakaCap(long gas, Fork fork) {
    long cap = TransactionValidator.MAX_TX_GAS_LIMIT_OSAKA;
    return fork.isAtLeast(Fork.OSAKA) && Long.compareUnsigned(gas, cap) > 0 ? cap : gas;
  }

  private static BlockContext withBaseFee(BlockContext b, BigInteger baseFee) {
    return new BlockContext(
        b.number(),
        b.timestamp(),
        b.coinbase(),
        b.gasLimit(),
        baseFee,
        b.difficulty(),
        b.prevRandao(),
        b.blobBaseFee(),
        b.chainId(),
        b.blockHashes());
  }

  private static BigInteger balance(WorldUpdater world, Address a) {
    Account account = world.account(a);
    return account == null ? BigInteger.ZERO : account.balance();
  }

  private static long nonce(WorldUpdater world, Address a) {
    Account account = world.account(a);
    return account == null ? 0 : account.nonce();
  }

  private static BigInteger unsigned(long x) {
    BigInteger v = BigInteger.valueOf(x);
    return x >= 0 ? v : v.add(BigInteger.ONE.shiftLeft(64));
  }

  private static void checkDeadline(Deadline deadline) throws SimulationException {
    if (deadline.expired()) {
      throw new SimulationException(
          SimulationException.Kind.TIMEOUT,
          new DeadlineExceededException(deadline.timeout()).getMessage());
    }
  }
}
