package io.zgnode.evm.processor;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.Code;
import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.MessageFrame.CallKind;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.tx.AccessListEntry;
import io.zgnode.evm.tx.Authorization;
import io.zgnode.evm.tx.IntrinsicGas;
import io.zgnode.evm.tx.InvalidTransactionException;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionType;
import io.zgnode.evm.tx.TransactionValidator;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.EvmWorld;
import io.zgnode.evm.world.TxScope;
import java.math.BigInteger;
import java.util.List;

/**
 * Applies one transaction to a world: validates it against the fork, the block and the state, buys
 * the gas, bumps the nonce, warms the EIP-2929 access list (sender, recipient, precompiles, the
 * EIP-2930 list, the coinbase from Shanghai), applies EIP-7702 authorizations (Prague), runs the
 * message, refunds (capped at gas used / 5), applies the EIP-7623 floor (Prague), pays the priority
 * fee to the coinbase, and deletes self-destructed accounts and touched empty ones.
 *
 * <p>A rejected transaction throws {@link TransactionRejectedException} and leaves the world as it
 * was. Thread-safe: one processor may serve several threads, each with its own world.
 */
public final class TransactionProcessor {
  private final EvmConfig config;
  private final GasCalculator gc;
  private final Fork fork;

  public TransactionProcessor(EvmConfig config) {
    this.config = config;
    this.gc = config.gasCalculator();
    this.fork = config.fork();
  }

  public EvmConfig config() {
    return config;
  }

  public TransactionResult process(EvmWorld world, BlockContext block, Transaction tx) {
    return process(world, block, tx, Tracer.NO_OP);
  }

  /** Validates and applies {@code tx} as the only transaction of its block (all its gas free). */
  public TransactionResult process(
      EvmWorld world, BlockContext block, Transaction tx, Tracer tracer) {
    return process(world, block, tx, block.gasLimit(), tracer);
  }

  /**
   * Validates and applies {@code tx}.
   *
   * @param blockGasAvailable the gas the block has left; the transaction may not ask for more
   * @throws TransactionRejectedException when it cannot be included (the world is unchanged)
   */
  public TransactionResult process(
      EvmWorld world, BlockContext block, Transaction tx, long blockGasAvailable, Tracer tracer) {
    Address sender = validate(world, block, tx, blockGasAvailable);
    return apply(world, block, tx, sender, tx.nonce(), tracer);
  }

  /**
   * Applies {@code tx} as geth's eth_call, eth_estimateGas and debug_traceCall apply a call message
   * (its SkipNonceChecks and SkipTransactionChecks): the transaction is unsigned and {@code sender}
   * is taken as given, its nonce field is ignored (the sender's current nonce is used and bumped,
   * so a creation lands where the next real one would), and a sender with code is accepted. Every
   * other rule applies as in {@link #process}: the static rules of the fork, the fee cap against
   * the base fee, the balance against gasLimit * maxFeePerGas + value, gas purchase, refunds and
   * the priority fee. Callers that want no fee checks give zero fees and a zero base fee, as geth's
   * NoBaseFee does.
   *
   * @throws TransactionRejectedException when a rule is broken (the world is unchanged)
   */
  public TransactionResult simulate(
      EvmWorld world, BlockContext block, Transaction tx, Address sender, Tracer tracer) {
    try {
      TransactionValidator.validateStatic(tx, fork, block.chainId());
    } catch (InvalidTransactionException e) {
      throw new TransactionRejectedException(e);
    }
    validateFeesAndFunds(world, block, tx, sender);
    return apply(world, block, tx, sender, world.nonce(sender), tracer);
  }

  /** Runs a validated transaction; {@code nonce} is the sender's nonce before it. */
  private TransactionResult apply(
      EvmWorld world,
      BlockContext block,
      Transaction tx,
      Address sender,
      long nonce,
      Tracer tracer) {
    BigInteger baseFee = block.baseFee();
    BigInteger price = tx.effectiveGasPrice(baseFee);
    long gasLimit = tx.gasLimit();

    // Buy the gas (and the blob gas, which is not refunded) and bump the nonce.
    BigInteger upfront = BigInteger.valueOf(gasLimit).multiply(price);
    if (tx.type() == TransactionType.BLOB) {
      upfront = upfront.add(BigInteger.valueOf(tx.blobGas()).multiply(block.blobBaseFee()));
    }
    world.subtractBalance(sender, upfront);
    world.setNonce(sender, nonce + 1);

    TxScope scope = new TxScope();
    scope.warmAddress(sender);
    if (tx.to() != null) {
      scope.warmAddress(tx.to());
    }
    for (Address p : config.precompiles().keySet()) {
      scope.warmAddress(p);
    }
    for (AccessListEntry e : tx.accessList()) {
      scope.warmAddress(e.address());
      for (Hash key : e.storageKeys()) {
        scope.warmSlot(e.address(), key);
      }
    }
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      scope.warmAddress(block.coinbase()); // EIP-3651
    }
    if (tx.type() == TransactionType.SET_CODE) {
      for (Authorization auth : tx.authorizationList()) {
        applyAuthorization(world, scope, block, auth);
      }
    }
    ExecutionContext ctx =
        new ExecutionContext(
            config, world, scope, block, sender, price, tx.blobVersionedHashes(), tracer);

    long gas = gasLimit - IntrinsicGas.intrinsicGas(tx, fork);
    MessageFrame frame;
    if (tx.isContractCreation()) {
      Address address = ContractAddress.create(sender, nonce);
      scope.warmAddress(address);
      if (ContractAddress.collides(world, address)) {
        // The creation fails before any code runs, with all its gas.
        return finish(
            world, scope, block, tx, sender, price, 0, null, HaltReason.CONTRACT_ADDRESS_COLLISION);
      }
      byte[] initCode = tx.data();
      frame =
          new MessageFrame(
              ctx,
              MessageFrame.Type.CONTRACT_CREATION,
              CallKind.CREATE,
              0,
              false,
              sender,
              address,
              address,
              tx.value(),
              tx.value(),
              new byte[0],
              initCode.length == 0 ? Code.EMPTY : new Code(initCode),
              null,
              gas,
              ctx.stackFor(0),
              ctx.memoryFor(0));
    } else {
      Address to = tx.to();
      if (fork.isAtLeast(Fork.PRAGUE)) {
        Address target = Delegation.target(world.code(to));
        if (target != null) {
          scope.warmAddress(target);
        }
      }
      Precompile precompile = ctx.precompile(to);
      frame =
          new MessageFrame(
              ctx,
              MessageFrame.Type.MESSAGE_CALL,
              CallKind.CALL,
              0,
              false,
              sender,
              to,
              to,
              tx.value(),
              tx.value(),
              tx.data(),
              precompile != null ? Code.EMPTY : ctx.codeToRun(to),
              precompile,
              gas,
              ctx.stackFor(0),
              ctx.memoryFor(0));
    }
    Evm.execute(frame);
    return finish(
        world, scope, block, tx, sender, price, frame.gasRemaining(), frame, frame.haltReason());
  }

  /**
   * Runs a message call that is not a transaction: no validation, nonce, fees or refunds. For
   * system calls made by the block logic (EIP-4788, EIP-2935) and for read-only calls such as
   * eth_call (run on a copy, or revert afterwards). The sender, the recipient and the precompiles
   * start warm; self-destructed and touched empty accounts are deleted at the end as after a
   * transaction. {@code gasUsed} in the result is simply the gas consumed.
   */
  public TransactionResult call(
      EvmWorld world,
      BlockContext block,
      Address sender,
      Address to,
      byte[] input,
      BigInteger value,
      long gas,
      Tracer tracer) {
    if (value.signum() > 0 && world.balance(sender).compareTo(value) < 0) {
      throw new TransactionRejectedException(
          TransactionRejectedException.Reason.INSUFFICIENT_FUNDS,
          "insufficient funds: " + sender + " cannot send " + value);
    }
    TxScope scope = new TxScope();
    scope.warmAddress(sender);
    scope.warmAddress(to);
    for (Address p : config.precompiles().keySet()) {
      scope.warmAddress(p);
    }
    ExecutionContext ctx =
        new ExecutionContext(
            config, world, scope, block, sender, BigInteger.ZERO, List.of(), tracer);
    Precompile precompile = ctx.precompile(to);
    MessageFrame frame =
        new MessageFrame(
            ctx,
            MessageFrame.Type.MESSAGE_CALL,
            CallKind.CALL,
            0,
            false,
            sender,
            to,
            to,
            value,
            value,
            input,
            precompile != null ? Code.EMPTY : ctx.codeToRun(to),
            precompile,
            gas,
            ctx.stackFor(0),
            ctx.memoryFor(0));
    Evm.execute(frame);
    deleteAccounts(world, scope);
    TransactionResult.Status status =
        switch (frame.state()) {
          case SUCCESS -> TransactionResult.Status.SUCCESS;
          case REVERT -> TransactionResult.Status.REVERT;
          default -> TransactionResult.Status.EXCEPTIONAL_HALT;
        };
    boolean success = status == TransactionResult.Status.SUCCESS;
    return new TransactionResult(
        status,
        gas - frame.gasRemaining(),
        0,
        success ? scope.logs() : List.of(),
        frame.output(),
        null,
        frame.haltReason());
  }

  /** Deletes the accounts that self-destructed and those touched that ended empty. */
  private static void deleteAccounts(EvmWorld world, TxScope scope) {
    for (Address a : scope.selfDestructs()) {
      world.deleteAccount(a);
    }
    for (Address a : scope.touched()) {
      if (world.exists(a) && world.isEmpty(a)) {
        world.deleteAccount(a);
      }
    }
  }

  private TransactionResult finish(
      EvmWorld world,
      TxScope scope,
      BlockContext block,
      Transaction tx,
      Address sender,
      BigInteger price,
      long gasRemaining,
      MessageFrame frame,
      HaltReason haltReason) {
    long gasLimit = tx.gasLimit();
    long gasUsed = gasLimit - gasRemaining;
    long refund = Math.min(Math.max(scope.refund(), 0), gasUsed / gc.maxRefundQuotient());
    gasUsed -= refund;
    if (fork.isAtLeast(Fork.PRAGUE)) {
      gasUsed = Math.max(gasUsed, IntrinsicGas.floorDataGas(tx)); // EIP-7623
    }
    long left = gasLimit - gasUsed;
    if (left > 0) {
      world.addBalance(sender, BigInteger.valueOf(left).multiply(price));
    }
    BigInteger tip = price.subtract(block.baseFee());
    if (tip.signum() > 0 && gasUsed > 0) {
      world.addBalance(block.coinbase(), BigInteger.valueOf(gasUsed).multiply(tip));
    }
    scope.touch(block.coinbase());
    deleteAccounts(world, scope);
    TransactionResult.Status status;
    if (frame == null || frame.state() == MessageFrame.State.EXCEPTIONAL_HALT) {
      status = TransactionResult.Status.EXCEPTIONAL_HALT;
    } else if (frame.state() == MessageFrame.State.REVERT) {
      status = TransactionResult.Status.REVERT;
    } else {
      status = TransactionResult.Status.SUCCESS;
    }
    boolean success = status == TransactionResult.Status.SUCCESS;
    Address created =
        success && frame.type() == MessageFrame.Type.CONTRACT_CREATION ? frame.recipient() : null;
    byte[] output = frame == null || created != null ? new byte[0] : frame.output();
    return new TransactionResult(
        status, gasUsed, refund, success ? scope.logs() : List.of(), output, created, haltReason);
  }

  /** Checks {@code tx} against the fork, block and state; returns the sender. */
  private Address validate(
      EvmWorld world, BlockContext block, Transaction tx, long blockGasAvailable) {
    Address sender;
    try {
      TransactionValidator.validateStatic(tx, fork, block.chainId());
      sender = tx.sender();
    } catch (InvalidTransactionException e) {
      throw new TransactionRejectedException(e);
    }
    if (Long.compareUnsigned(tx.gasLimit(), blockGasAvailable) > 0) {
      throw new TransactionRejectedException(
          TransactionRejectedException.Reason.GAS_ALLOWANCE_EXCEEDED,
          "gas limit "
              + Long.toUnsignedString(tx.gasLimit())
              + " is above the gas the block has left, "
              + Long.toUnsignedString(blockGasAvailable));
    }
    long nonce = world.nonce(sender);
    if (Long.compareUnsigned(tx.nonce(), nonce) < 0) {
      throw new TransactionRejectedException(
          TransactionRejectedException.Reason.NONCE_TOO_LOW,
          "nonce too low: transaction has "
              + Long.toUnsignedString(tx.nonce())
              + ", account has "
              + Long.toUnsignedString(nonce));
    }
    if (Long.compareUnsigned(tx.nonce(), nonce) > 0) {
      throw new TransactionRejectedException(
          TransactionRejectedException.Reason.NONCE_TOO_HIGH,
          "nonce too high: transaction has "
              + Long.toUnsignedString(tx.nonce())
              + ", account has "
              + Long.toUnsignedString(nonce));
    }
    byte[] senderCode = world.code(sender);
    if (senderCode.length > 0
        && !(fork.isAtLeast(Fork.PRAGUE) && Delegation.isDesignator(senderCode))) {
      throw new TransactionRejectedException(
          TransactionRejectedException.Reason.SENDER_NOT_EOA,
          "sender " + sender + " has code (EIP-3607)");
    }
    validateFeesAndFunds(world, block, tx, sender);
    return sender;
  }

  /** The fee caps against the block's base fees, and the balance against the maximum cost. */
  private static void validateFeesAndFunds(
      EvmWorld world, BlockContext block, Transaction tx, Address sender) {
    if (tx.maxFeePerGas().compareTo(block.baseFee()) < 0) {
      throw new TransactionRejectedException(
          TransactionRejectedException.Reason.FEE_CAP_BELOW_BASE_FEE,
          "max fee per gas " + tx.maxFeePerGas() + " is below the base fee " + block.baseFee());
    }
    if (tx.type() == TransactionType.BLOB
        && tx.maxFeePerBlobGas().compareTo(block.blobBaseFee()) < 0) {
      throw new TransactionRejectedException(
          TransactionRejectedException.Reason.BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE,
          "max fee per blob gas "
              + tx.maxFeePerBlobGas()
              + " is below the blob base fee "
              + block.blobBaseFee());
    }
    BigInteger balance = world.balance(sender);
    if (balance.compareTo(tx.maxCost()) < 0) {
      throw new TransactionRejectedException(
          TransactionRejectedException.Reason.INSUFFICIENT_FUNDS,
          "insufficient funds: balance " + balance + " is below the maximum cost " + tx.maxCost());
    }
  }

  /** EIP-7702: applies one authorization tuple; an invalid tuple is skipped. */
  private void applyAuthorization(
      EvmWorld world, TxScope scope, BlockContext block, Authorization auth) {
    if (auth.chainId().signum() != 0 && !auth.chainId().equals(block.chainId())) {
      return;
    }
    if (auth.nonce() == -1L) {
      return;
    }
    Address authority = auth.authority();
    if (authority == null) {
      return;
    }
    scope.warmAddress(authority);
    byte[] code = world.code(authority);
    if (code.length > 0 && !Delegation.isDesignator(code)) {
      return;
    }
    if (world.nonce(authority) != auth.nonce()) {
      return;
    }
    if (world.exists(authority)) {
      scope.addRefund(gc.authorizationExistingAccountRefund());
    }
    world.setNonce(authority, auth.nonce() + 1);
    if (auth.address().equals(Address.ZERO)) {
      world.setCode(authority, new byte[0]);
    } else {
      world.setCode(authority, Delegation.designator(auth.address()));
    }
  }
}
