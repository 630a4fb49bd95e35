package io.zgnode.chain.exec;

import io.zgnode.chain.ChainParams;
import io.zgnode.chain.RejectedTxException;
import io.zgnode.chain.TxCode;
import io.zgnode.chain.evm.UpdaterEvmWorld;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.processor.EvmConfig;
import io.zgnode.evm.processor.TransactionProcessor;
import io.zgnode.evm.processor.TransactionRejectedException;
import io.zgnode.evm.processor.TransactionResult;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Address;
import io.zgnode.state.world.WorldUpdater;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Executes one signed transaction with the EVM: the chain's admission rules first (same as
 * CheckTx), then Ethereum's transaction processing. The EVM pays the priority fee to the block's
 * coinbase, which is the fee collector, and burns the base fee as Ethereum does; this chain
 * collects the base fee too, so it is credited to the fee collector afterwards.
 *
 * <p>Not thread-safe: the block executor that owns it runs under the chain's consensus lock.
 */
public final class EvmTxExecutor {
  private final Map<Fork, TransactionProcessor> processors = new EnumMap<>(Fork.class);
  private final boolean fastTransfers;

  public EvmTxExecutor() {
    this(true);
  }

  /** With {@code fastTransfers} false every transaction goes through the EVM (for tests). */
  EvmTxExecutor(boolean fastTransfers) {
    this.fastTransfers = fastTransfers;
  }

  /** The result of an included transaction: its ABCI outcome and its receipt. */
  public record Executed(TxOutcome outcome, Receipt receipt) {}

  /**
   * Applies {@code tx}, or throws without having changed anything. {@code tracer} watches the EVM
   * ({@link Tracer#NO_OP} in consensus; debug_trace* replays pass theirs): a traced transaction
   * always goes through the EVM, never the plain-transfer shortcut, so the trace shows its frame;
   * the outcome is the same either way.
   *
   * @param gasRemaining the block gas still available
   */
  public Executed apply(
      WorldUpdater world,
      BlockContext ctx,
      Transaction tx,
      Address sender,
      long gasRemaining,
      int index,
      long cumulativeGasBefore,
      int firstLogIndex,
      Tracer tracer)
      throws RejectedTxException {
    TxRules.checkStatic(tx, ctx.fork(), ctx.chainId(), ctx.maxTxBytes(), ctx.gasLimit());
    if (Long.compareUnsigned(tx.gasLimit(), gasRemaining) > 0) {
      throw new RejectedTxException(
          TxCode.EXCEEDS_BLOCK_GAS_LIMIT,
          "gas limit reached: transaction gas "
              + Long.toUnsignedString(tx.gasLimit())
              + ", block gas remaining "
              + gasRemaining);
    }
    TxRules.checkFeeCap(tx, sender, ctx.baseFee());
    var account = world.account(sender);
    TxRules.checkAccount(
        tx,
        sender,
        account == null ? 0 : account.nonce(),
        account == null ? BigInteger.ZERO : account.balance());
    TransactionResult result;
    if (fastTransfers && tracer == Tracer.NO_OP && isPlainTransfer(world, ctx, tx, account)) {
      result = plainTransfer(world, ctx, tx, sender);
    } else {
      try {
        result =
            processor(ctx.fork()).process(new UpdaterEvmWorld(world), ctx.evmBlock(), tx, tracer);
      } catch (TransactionRejectedException e) {
        throw new RejectedTxException(code(e), e.getMessage());
      }
    }
    world.addBalance(
        ChainParams.FEE_COLLECTOR, ctx.baseFee().multiply(BigInteger.valueOf(result.gasUsed())));
    Receipt receipt =
        new Receipt(
            tx.hash(),
            ctx.height(),
            index,
            tx.type().code(),
            result.isSuccess(),
            result.gasUsed(),
            cumulativeGasBefore + result.gasUsed(),
            tx.effectiveGasPrice(ctx.baseFee()),
            sender,
            tx.to(),
            result.contractAddress(),
            result.logs(),
            firstLogIndex);
    TxCode code = result.isSuccess() ? TxCode.OK : TxCode.EXECUTION_FAILED;
    String log = result.isSuccess() ? "" : failureLog(result);
    List<TxEvent> events =
        List.of(
            new TxEvent(
                "ethereum_tx",
                List.of(
                    new TxEvent.Attribute("hash", tx.hash().toHex(), true),
                    new TxEvent.Attribute("sender", sender.toChecksumHex(), true),
                    new TxEvent.Attribute(
                        "recipient", tx.to() == null ? "" : tx.to().toChecksumHex(), true),
                    new TxEvent.Attribute(
                        "contract_address",
                        result.contractAddress() == null
                            ? ""
                            : result.contractAddress().toChecksumHex(),
                        false),
                    new TxEvent.Attribute("nonce", Long.toUnsignedString(tx.nonce()), false),
                    new TxEvent.Attribute("gas_used", Long.toString(result.gasUsed()), false),
                    new TxEvent.Attribute("status", result.isSuccess() ? "1" : "0", false))));
    TxOutcome outcome =
        new TxOutcome(code, log, tx.hash().toArray(), tx.gasLimit(), result.gasUsed(), events);
    return new Executed(outcome, receipt);
  }

  /**
   * A value transfer between accounts without code, with no data and no access list: the EVM would
   * run no instruction, so the outcome is fixed (21,000 gas, no refund, no logs) and is applied
   * directly. Precompile addresses and delegated (EIP-7702) accounts have code or run code, so they
   * always go through the EVM.
   */
  private boolean isPlainTransfer(
      WorldUpdater world, BlockContext ctx, Transaction tx, io.zgnode.state.world.Account sender) {
    if (tx.to() == null
        || tx.data().length != 0
        || !tx.accessList().isEmpty()
        || tx.type() == io.zgnode.evm.tx.TransactionType.SET_CODE
        || tx.type() == io.zgnode.evm.tx.TransactionType.BLOB
        || (sender != null && sender.hasCode())
        || processor(ctx.fork()).config().precompiles().containsKey(tx.to())) {
      return false;
    }
    var recipient = world.account(tx.to());
    return recipient == null || !recipient.hasCode();
  }

  private static TransactionResult plainTransfer(
      WorldUpdater world, BlockContext ctx, Transaction tx, Address sender) {
    long gas = io.zgnode.evm.tx.IntrinsicGas.intrinsicGas(tx, ctx.fork());
    BigInteger price = tx.effectiveGasPrice(ctx.baseFee());
    BigInteger tip = price.subtract(ctx.baseFee()).multiply(BigInteger.valueOf(gas));
    world.incrementNonce(sender);
    world.subtractBalance(sender, price.multiply(BigInteger.valueOf(gas)).add(tx.value()));
    if (tx.value().signum() > 0) {
      world.addBalance(tx.to(), tx.value());
    }
    if (tip.signum() > 0) {
      world.addBalance(ChainParams.FEE_COLLECTOR, tip);
    }
    return new TransactionResult(
        TransactionResult.Status.SUCCESS, gas, 0, List.of(), new byte[0], null, null);
  }

  private TransactionProcessor processor(Fork fork) {
    return processors.computeIfAbsent(fork, f -> new TransactionProcessor(EvmConfig.forFork(f)));
  }

  /** geth's wording: "execution reverted" with the Error(string) reason when there is one. */
  static String failureLog(TransactionResult r) {
    if (r.status() == TransactionResult.Status.REVERT) {
      String reason = revertReason(r.output());
      return reason == null ? "execution reverted" : "execution reverted: " + reason;
    }
    return r.haltReason() == null ? "execution failed" : r.haltReason().toString();
  }

  /** Decodes {@code Error(string)} revert data (selector 0x08c379a0), or null. */
  static String revertReason(byte[] out) {
    if (out.length < 4 + 64
        || out[0] != 0x08
        || out[1] != (byte) 0xc3
        || out[2] != 0x79
        || out[3] != (byte) 0xa0) {
      return null;
    }
    BigInteger len = new BigInteger(1, java.util.Arrays.copyOfRange(out, 36, 68));
    if (len.bitLength() > 31 || 68 + len.intValue() > out.length) {
      return null;
    }
    return new String(out, 68, len.intValue(), StandardCharsets.UTF_8);
  }

  private static TxCode code(TransactionRejectedException e) {
    return switch (e.reason()) {
      case NONCE_TOO_LOW -> TxCode.NONCE_TOO_LOW;
      case NONCE_TOO_HIGH -> TxCode.NONCE_TOO_HIGH;
      case INSUFFICIENT_FUNDS -> TxCode.INSUFFICIENT_FUNDS;
      case FEE_CAP_BELOW_BASE_FEE -> TxCode.FEE_CAP_BELOW_BASE_FEE;
      case GAS_ALLOWANCE_EXCEEDED -> TxCode.EXCEEDS_BLOCK_GAS_LIMIT;
      default -> TxCode.INVALID_TRANSACTION;
    };
  }
}
