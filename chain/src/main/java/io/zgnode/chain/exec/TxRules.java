package io.zgnode.chain.exec;

import io.zgnode.chain.RejectedTxException;
import io.zgnode.chain.TxCode;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.tx.IntrinsicGas;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionType;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;

/**
 * The admission rules a transaction must meet, shared by CheckTx, the proposal checks and block
 * execution so that the mempool never accepts what a block would refuse. Messages follow geth's
 * wording, which Ethereum client libraries match on.
 */
public final class TxRules {
  private TxRules() {}

  /** Rules that depend on the transaction and the chain's parameters only. */
  public static void checkStatic(
      Transaction tx, Fork fork, BigInteger chainId, int maxTxBytes, long blockGasLimit)
      throws RejectedTxException {
    TransactionType type = tx.type();
    if (type == TransactionType.BLOB) {
      throw new RejectedTxException(
          TxCode.TYPE_NOT_SUPPORTED,
          "transaction type not supported: blob transactions (type 3) are not accepted by this chain");
    }
    if (type == TransactionType.SET_CODE && !fork.isAtLeast(Fork.PRAGUE)) {
      throw new RejectedTxException(
          TxCode.TYPE_NOT_SUPPORTED, "transaction type not supported: set-code before Prague");
    }
    if (tx.chainId() != null && !tx.chainId().equals(chainId)) {
      throw new RejectedTxException(
          TxCode.WRONG_CHAIN_ID,
          "invalid chain id for signer: have " + tx.chainId() + " want " + chainId);
    }
    if (tx.encodedSize() > maxTxBytes) {
      throw new RejectedTxException(
          TxCode.OVERSIZED,
          "oversized data: transaction size " + tx.encodedSize() + ", limit " + maxTxBytes);
    }
    if (Long.compareUnsigned(tx.gasLimit(), blockGasLimit) > 0) {
      throw new RejectedTxException(
          TxCode.EXCEEDS_BLOCK_GAS_LIMIT,
          "exceeds block gas limit: gas "
              + Long.toUnsignedString(tx.gasLimit())
              + ", block gas limit "
              + blockGasLimit);
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      throw new RejectedTxException(
          TxCode.INVALID_TRANSACTION,
          "max priority fee per gas higher than max fee per gas: maxPriorityFeePerGas: "
              + tx.maxPriorityFeePerGas()
              + ", maxFeePerGas: "
              + tx.maxFeePerGas());
    }
    long intrinsic = IntrinsicGas.intrinsicGas(tx, fork);
    if (Long.compareUnsigned(tx.gasLimit(), intrinsic) < 0) {
      throw new RejectedTxException(
          TxCode.INTRINSIC_GAS,
          "intrinsic gas too low: gas "
              + Long.toUnsignedString(tx.gasLimit())
              + ", minimum needed "
              + intrinsic);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      long floor = IntrinsicGas.floorDataGas(tx);
      if (Long.compareUnsigned(tx.gasLimit(), floor) < 0) {
        throw new RejectedTxException(
            TxCode.INTRINSIC_GAS,
            "insufficient gas for floor data gas cost: gas "
                + Long.toUnsignedString(tx.gasLimit())
                + ", minimum needed "
                + floor);
      }
    }
  }

  /** The fee cap must cover the base fee of the block the transaction goes into. */
  public static void checkFeeCap(Transaction tx, Address sender, BigInteger baseFee)
      throws RejectedTxException {
    if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
      throw new RejectedTxException(
          TxCode.FEE_CAP_BELOW_BASE_FEE,
          "max fee per gas less than block base fee: address "
              + sender.toChecksumHex()
              + ", maxFeePerGas: "
              + tx.maxFeePerGas()
              + ", baseFee: "
              + baseFee);
    }
  }

  /** The nonce must be exactly the next one, and the balance must cover the worst case. */
  public static void checkAccount(
      Transaction tx, Address sender, long expectedNonce, BigInteger balance)
      throws RejectedTxException {
    int cmp = Long.compareUnsigned(tx.nonce(), expectedNonce);
    if (cmp < 0) {
      throw new RejectedTxException(
          TxCode.NONCE_TOO_LOW,
          "nonce too low: address "
              + sender.toChecksumHex()
              + ", tx: "
              + Long.toUnsignedString(tx.nonce())
              + " state: "
              + Long.toUnsignedString(expectedNonce));
    }
    if (cmp > 0) {
      throw new RejectedTxException(
          TxCode.NONCE_TOO_HIGH,
          "nonce too high: address "
              + sender.toChecksumHex()
              + ", tx: "
              + Long.toUnsignedString(tx.nonce())
              + " state: "
              + Long.toUnsignedString(expectedNonce));
    }
    if (tx.nonce() == -1L) {
      throw new RejectedTxException(
          TxCode.INVALID_TRANSACTION, "nonce has max value: address " + sender.toChecksumHex());
    }
    BigInteger cost = tx.maxCost();
    if (balance.compareTo(cost) < 0) {
      throw new RejectedTxException(
          TxCode.INSUFFICIENT_FUNDS,
          "insufficient funds for gas * price + value: address "
              + sender.toChecksumHex()
              + " have "
              + balance
              + " want "
              + cost);
    }
  }
}
