package io.zgnode.chain.exec;

import io.zgnode.chain.ChainParams;
import io.zgnode.chain.RejectedTxException;
import io.zgnode.chain.TxCode;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.tx.IntrinsicGas;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionType;
import io.zgnode.evm.types.Address;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldUpdater;
import java.math.BigInteger;
import java.util.List;

/**
 * Executes one signed transaction against the block's state: checks it, charges gas, moves value,
 * collects fees. Native value transfers only; contract creation and calls into code arrive with the
 * EVM and plug in at {@link #execute}.
 */
public final class TransferProcessor {

  /**
   * Applies {@code tx} or throws without having changed anything.
   *
   * @param gasRemaining the block gas still available
   */
  public TxOutcome apply(
      WorldUpdater world, BlockContext ctx, Transaction tx, Address sender, long gasRemaining)
      throws RejectedTxException {
    TxRules.checkStatic(tx, ctx.fork(), ctx.chainId(), ctx.maxTxBytes(), ctx.gasLimit());
    if (tx.isContractCreation() || tx.type() == TransactionType.SET_CODE) {
      throw new RejectedTxException(
          TxCode.UNSUPPORTED,
          "contract creation and set-code transactions are not supported yet on this chain");
    }
    if (Long.compareUnsigned(tx.gasLimit(), gasRemaining) > 0) {
      throw new RejectedTxException(
          TxCode.EXCEEDS_BLOCK_GAS_LIMIT,
          "gas limit reached: transaction gas "
              + Long.toUnsignedString(tx.gasLimit())
              + ", block gas remaining "
              + gasRemaining);
    }
    TxRules.checkFeeCap(tx, sender, ctx.baseFee());
    Account account = world.account(sender);
    long nonce = account == null ? 0 : account.nonce();
    BigInteger balance = account == null ? BigInteger.ZERO : account.balance();
    TxRules.checkAccount(tx, sender, nonce, balance);
    return execute(world, ctx, tx, sender);
  }

  private TxOutcome execute(WorldUpdater world, BlockContext ctx, Transaction tx, Address sender) {
    long gasUsed = IntrinsicGas.intrinsicGas(tx, ctx.fork());
    if (ctx.fork().isAtLeast(Fork.PRAGUE)) {
      gasUsed = Math.max(gasUsed, IntrinsicGas.floorDataGas(tx));
    }
    BigInteger price = tx.effectiveGasPrice(ctx.baseFee());
    BigInteger fee = price.multiply(BigInteger.valueOf(gasUsed));
    world.incrementNonce(sender);
    world.subtractBalance(sender, fee.add(tx.value()));
    if (tx.value().signum() > 0) {
      world.addBalance(tx.to(), tx.value());
    }
    world.addBalance(ChainParams.FEE_COLLECTOR, fee);
    List<TxEvent> events =
        List.of(
            new TxEvent(
                "ethereum_tx",
                List.of(
                    new TxEvent.Attribute("hash", tx.hash().toHex(), true),
                    new TxEvent.Attribute("sender", sender.toChecksumHex(), true),
                    new TxEvent.Attribute("recipient", tx.to().toChecksumHex(), true),
                    new TxEvent.Attribute("nonce", Long.toUnsignedString(tx.nonce()), false),
                    new TxEvent.Attribute("gas_used", Long.toString(gasUsed), false))));
    return new TxOutcome(TxCode.OK, "", tx.hash().toArray(), tx.gasLimit(), gasUsed, events);
  }
}
