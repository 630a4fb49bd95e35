package io.zgnode.evm.processor;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.Code;
import io.zgnode.evm.frame.Memory;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.operation.StackMath;
import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.EvmWorld;
import io.zgnode.evm.world.TxScope;
import java.math.BigInteger;
import java.util.List;

/**
 * What every frame of one transaction shares: the fork's configuration, the world and the
 * transaction scope, the block, the transaction's origin, gas price and blob hashes, the tracer,
 * and per-depth pools of stacks and memories (frames at the same depth never coexist, so each depth
 * reuses one of each).
 */
public final class ExecutionContext {
  private static final int MAX_DEPTH = 1024;

  private final EvmConfig config;
  private final GasCalculator gasCalculator;
  private final EvmWorld world;
  private final TxScope scope;
  private final BlockContext block;
  private final Address origin;
  private final BigInteger gasPrice;
  private final List<Hash> blobHashes;
  private final Tracer tracer;
  private final boolean tracing;
  private final long[] scratch = new long[StackMath.SCRATCH_SIZE];
  private OperandStack[] stacks = new OperandStack[8];
  private Memory[] memories = new Memory[8];
  private long[] gasPriceWords;
  private long[] chainIdWords;

  public ExecutionContext(
      EvmConfig config,
      EvmWorld world,
      TxScope scope,
      BlockContext block,
      Address origin,
      BigInteger gasPrice,
      List<Hash> blobHashes,
      Tracer tracer) {
    this.config = config;
    this.gasCalculator = config.gasCalculator();
    this.world = world;
    this.scope = scope;
    this.block = block;
    this.origin = origin;
    this.gasPrice = gasPrice;
    this.blobHashes = List.copyOf(blobHashes);
    this.tracer = tracer == null ? Tracer.NO_OP : tracer;
    this.tracing = this.tracer != Tracer.NO_OP;
  }

  public EvmConfig config() {
    return config;
  }

  public Fork fork() {
    return config.fork();
  }

  public GasCalculator gasCalculator() {
    return gasCalculator;
  }

  public EvmWorld world() {
    return world;
  }

  public TxScope scope() {
    return scope;
  }

  public BlockContext block() {
    return block;
  }

  public Address origin() {
    return origin;
  }

  public BigInteger gasPrice() {
    return gasPrice;
  }

  /** GASPRICE as four longs, most significant first. */
  public long[] gasPriceWords() {
    if (gasPriceWords == null) {
      gasPriceWords = new long[4];
      OperandStack.setBigInteger(gasPriceWords, 0, gasPrice);
    }
    return gasPriceWords;
  }

  /** CHAINID as four longs, most significant first. */
  public long[] chainIdWords() {
    if (chainIdWords == null) {
      chainIdWords = new long[4];
      OperandStack.setBigInteger(chainIdWords, 0, block.chainId());
    }
    return chainIdWords;
  }

  public List<Hash> blobHashes() {
    return blobHashes;
  }

  public Tracer tracer() {
    return tracer;
  }

  public boolean isTracing() {
    return tracing;
  }

  /** Scratch longs for the arithmetic of one instruction at a time. */
  public long[] scratch() {
    return scratch;
  }

  public Precompile precompile(Address address) {
    return config.precompiles().get(address);
  }

  public boolean isPrecompile(Address address) {
    return config.precompiles().containsKey(address);
  }

  /** The operand stack for a frame at {@code depth}, emptied. */
  public OperandStack stackFor(int depth) {
    if (depth >= stacks.length) {
      stacks = java.util.Arrays.copyOf(stacks, Math.min(MAX_DEPTH + 1, stacks.length * 2));
    }
    OperandStack s = stacks[depth];
    if (s == null) {
      s = new OperandStack();
      stacks[depth] = s;
    }
    s.setSize(0);
    return s;
  }

  /** The memory for a frame at {@code depth}, cleared. */
  public Memory memoryFor(int depth) {
    if (depth >= memories.length) {
      memories = java.util.Arrays.copyOf(memories, Math.min(MAX_DEPTH + 1, memories.length * 2));
    }
    Memory m = memories[depth];
    if (m == null) {
      m = new Memory();
      memories[depth] = m;
    } else {
      m.reset();
    }
    return m;
  }

  /**
   * The code that runs when {@code address} is called: its own code, or from Prague the code of the
   * account its EIP-7702 designator names (empty when that is a precompile; designators are not
   * followed twice).
   */
  public Code codeToRun(Address address) {
    byte[] raw = world.code(address);
    if (raw.length == 0) {
      return Code.EMPTY;
    }
    if (fork().isAtLeast(Fork.PRAGUE)) {
      Address target = Delegation.target(raw);
      if (target != null) {
        if (isPrecompile(target)) {
          return Code.EMPTY;
        }
        return code(target);
      }
    }
    return config.codeCache().get(world.codeHash(address), () -> raw);
  }

  /** The analysed code of {@code address} as stored (designators not followed). */
  public Code code(Address address) {
    return config.codeCache().get(world.codeHash(address), () -> world.code(address));
  }
}
