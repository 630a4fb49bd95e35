package io.zgnode.evm.frame;

import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.processor.ExecutionContext;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;

/**
 * One message call or contract creation in progress: its code, program counter, gas, stack and
 * memory, the call's parties and value, and how it ended. Frames run on an explicit stack in the
 * processor (no Java recursion); a frame that calls out is {@link State#SUSPENDED} with its child
 * in {@link #child()} until the child ends and {@link #resume()} is called.
 */
public final class MessageFrame {
  /** What the frame does. */
  public enum Type {
    MESSAGE_CALL,
    CONTRACT_CREATION
  }

  /** Where the frame is in its life. */
  public enum State {
    NOT_STARTED,
    RUNNING,
    /** Waiting for its child frame to end. */
    SUSPENDED,
    SUCCESS,
    REVERT,
    EXCEPTIONAL_HALT
  }

  /** How a CALL-family child was made, for the parent's bookkeeping. */
  public enum CallKind {
    CALL,
    CALLCODE,
    DELEGATECALL,
    STATICCALL,
    CREATE,
    CREATE2
  }

  private static final byte[] EMPTY = new byte[0];

  private final ExecutionContext context;
  private final Type type;
  private final CallKind kind;
  private final int depth;
  private final boolean isStatic;
  private final Address sender;
  private final Address recipient;
  private final Address codeAddress;
  private final BigInteger value;
  private final BigInteger transferValue;
  private final byte[] input;
  private final Code code;
  private final Precompile precompile;
  private final OperandStack stack;
  private final Memory memory;

  private long gasRemaining;
  private int pc;
  private byte[] returnData = EMPTY;
  private byte[] output = EMPTY;
  private State state = State.NOT_STARTED;
  private HaltReason haltReason;

  // Journal checkpoints opened when the frame started.
  private int worldCheckpoint = -1;
  private int scopeCheckpoint = -1;

  // The child in progress and where its output goes.
  private MessageFrame child;
  private long childOutputOffset;
  private long childOutputLength;

  private long[] valueWords;
  private long failedGasCost;
  // While suspended: the static gas the interpreter had prepaid for the rest of the current block
  // (part of gasRemaining), and whether it was checking instruction by instruction.
  private long prepaidGas;
  private boolean checkingEachInstruction;
  private long gasAtHalt;

  /**
   * @param kind how this frame was made (CALL for a transaction's call, CREATE for its creation)
   * @param sender the CALLER of this frame
   * @param recipient the account whose balance, storage and address the code works on
   * @param codeAddress the account whose code runs (differs for CALLCODE and DELEGATECALL)
   * @param value the CALLVALUE
   * @param transferValue the wei moved from sender to recipient when the frame starts
   * @param precompile the precompile that answers the call instead of code, or null
   */
  public MessageFrame(
      ExecutionContext context,
      Type type,
      CallKind kind,
      int depth,
      boolean isStatic,
      Address sender,
      Address recipient,
      Address codeAddress,
      BigInteger value,
      BigInteger transferValue,
      byte[] input,
      Code code,
      Precompile precompile,
      long gas,
      OperandStack stack,
      Memory memory) {
    this.context = context;
    this.type = type;
    this.kind = kind;
    this.depth = depth;
    this.isStatic = isStatic;
    this.sender = sender;
    this.recipient = recipient;
    this.codeAddress = codeAddress;
    this.value = value;
    this.transferValue = transferValue;
    this.input = input;
    this.code = code;
    this.precompile = precompile;
    this.gasRemaining = gas;
    this.stack = stack;
    this.memory = memory;
  }

  public ExecutionContext context() {
    return context;
  }

  public Type type() {
    return type;
  }

  public CallKind kind() {
    return kind;
  }

  /** The call depth: 0 for the transaction's own frame. */
  public int depth() {
    return depth;
  }

  public boolean isStatic() {
    return isStatic;
  }

  public Address sender() {
    return sender;
  }

  public Address recipient() {
    return recipient;
  }

  public Address codeAddress() {
    return codeAddress;
  }

  public BigInteger value() {
    return value;
  }

  /** CALLVALUE as four longs, most significant first (computed once). */
  public long[] valueWords() {
    long[] w = valueWords;
    if (w == null) {
      w = new long[4];
      OperandStack.setBigInteger(w, 0, value);
      valueWords = w;
    }
    return w;
  }

  public BigInteger transferValue() {
    return transferValue;
  }

  /** The call data or, for a creation, nothing (the init code is the code). */
  public byte[] input() {
    return input;
  }

  public Code code() {
    return code;
  }

  public Precompile precompile() {
    return precompile;
  }

  public OperandStack stack() {
    return stack;
  }

  public Memory memory() {
    return memory;
  }

  public long gasRemaining() {
    return gasRemaining;
  }

  public void setGasRemaining(long gas) {
    this.gasRemaining = gas;
  }

  /** Charges {@code cost}; returns false (and halts out of gas) when it is not there. */
  public boolean useGas(long cost) {
    if (cost > gasRemaining) {
      failedGasCost = cost;
      halt(HaltReason.OUT_OF_GAS);
      return false;
    }
    gasRemaining -= cost;
    return true;
  }

  /** The charge that ran this frame out of gas (beyond the static gas), for tracers. */
  public long failedGasCost() {
    return failedGasCost;
  }

  /** Records the charge that is about to run this frame out of gas, for tracers. */
  public void setFailedGasCost(long cost) {
    this.failedGasCost = cost;
  }

  /** The gas the frame had when it halted exceptionally (before it was all consumed). */
  public long gasAtHalt() {
    return gasAtHalt;
  }

  public int pc() {
    return pc;
  }

  public void setPc(int pc) {
    this.pc = pc;
  }

  /** The output of the last call or creation this frame made (RETURNDATASIZE/COPY). */
  public byte[] returnData() {
    return returnData;
  }

  public void setReturnData(byte[] data) {
    this.returnData = data;
  }

  /** What this frame returned or reverted with. */
  public byte[] output() {
    return output;
  }

  public void setOutput(byte[] output) {
    this.output = output;
  }

  public State state() {
    return state;
  }

  public void setState(State state) {
    this.state = state;
  }

  public boolean isDone() {
    return state.ordinal() >= State.SUCCESS.ordinal();
  }

  public HaltReason haltReason() {
    return haltReason;
  }

  /** Ends the frame exceptionally: all gas is consumed and its changes will be reverted. */
  public void halt(HaltReason reason) {
    this.gasAtHalt = gasRemaining;
    this.state = State.EXCEPTIONAL_HALT;
    this.haltReason = reason;
    this.gasRemaining = 0;
    this.output = EMPTY;
  }

  public int worldCheckpoint() {
    return worldCheckpoint;
  }

  public int scopeCheckpoint() {
    return scopeCheckpoint;
  }

  public void setCheckpoints(int world, int scope) {
    this.worldCheckpoint = world;
    this.scopeCheckpoint = scope;
  }

  /** Suspends this frame until {@code child} ends; its output goes to the given memory range. */
  public void suspendFor(MessageFrame child, long outputOffset, long outputLength) {
    this.child = child;
    this.childOutputOffset = outputOffset;
    this.childOutputLength = outputLength;
    this.state = State.SUSPENDED;
  }

  public MessageFrame child() {
    return child;
  }

  public long childOutputOffset() {
    return childOutputOffset;
  }

  public long childOutputLength() {
    return childOutputLength;
  }

  /**
   * Records the interpreter's block accounting at a suspension: {@code prepaid} of the gas
   * remaining is already spent on the instructions after the call in its block.
   */
  public void setBlockState(long prepaid, boolean eachInstruction) {
    this.prepaidGas = prepaid;
    this.checkingEachInstruction = eachInstruction;
  }

  public long prepaidGas() {
    return prepaidGas;
  }

  public boolean checkingEachInstruction() {
    return checkingEachInstruction;
  }

  /** Back to running after the child's results were applied. */
  public void resume() {
    this.child = null;
    this.state = State.RUNNING;
  }

  @Override
  public String toString() {
    return "MessageFrame["
        + kind
        + " depth="
        + depth
        + " to="
        + recipient
        + " code="
        + codeAddress
        + " state="
        + state
        + (haltReason == null ? "" : " halt=" + haltReason)
        + " gas="
        + gasRemaining
        + "]";
  }
}
