package io.zgnode.chain.mempool;

import io.zgnode.chain.RejectedTxException;
import io.zgnode.chain.TxCode;
import io.zgnode.chain.TxRejection;
import io.zgnode.chain.exec.BlockContext;
import io.zgnode.chain.exec.TxRules;
import io.zgnode.chain.tx.DecodedTx;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldView;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CheckTx: decides whether a transaction may enter CometBFT's mempool. It tracks, per sender, the
 * nonces and the funds already promised to transactions in the mempool, so a sender can send nonces
 * n, n+1, n+2 back to back without waiting for a block, while a replay, a gap or an overdraft is
 * refused at the door.
 *
 * <p>After every Commit the pending view is dropped and CometBFT re-checks the remaining mempool
 * transactions in order ({@code recheck}), which rebuilds it against the new state and evicts what
 * the block made stale. Thread-safe: all methods synchronize on this object.
 *
 * <p>CometBFT's mempool cannot replace a transaction, so a second transaction for a nonce a mempool
 * transaction already uses (a wallet's speed-up or cancel) is refused with geth's "replacement
 * transaction underpriced", and "nonce too low" is kept for nonces below the committed one,
 * reporting that nonce as geth does. The same transaction sent again is "already known" (CometBFT's
 * cache normally answers that before CheckTx is asked).
 */
public final class MempoolAdmission {
  private final TxDecoder decoder;
  private final Map<Address, Pending> pending = new HashMap<>();
  private final Set<Hash> admitted = new HashSet<>();

  /**
   * @param stateNonce the sender's committed nonce
   * @param nextNonce the nonce after the sender's mempool transactions
   * @param committed the funds promised to the sender's mempool transactions
   */
  private record Pending(long stateNonce, long nextNonce, BigInteger committed) {}

  public MempoolAdmission(TxDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * Checks {@code raw} against the committed state plus the mempool's pending transactions.
   *
   * @param ctx the context of the next block (fork, base fee, limits)
   * @param unprotectedAllowed whether legacy transactions without EIP-155 replay protection are let
   *     in (geth refuses them over RPC by default)
   */
  public synchronized CheckOutcome check(
      byte[] raw, WorldView committed, BlockContext ctx, boolean unprotectedAllowed) {
    if (raw.length > ctx.maxTxBytes()) {
      return CheckOutcome.rejected(
          TxRejection.of(
              TxCode.OVERSIZED,
              "oversized data: transaction size " + raw.length + ", limit " + ctx.maxTxBytes()));
    }
    DecodedTx decoded = decoder.decode(raw);
    if (decoded instanceof DecodedTx.Invalid bad) {
      return CheckOutcome.rejected(bad.reason());
    }
    DecodedTx.Valid ok = (DecodedTx.Valid) decoded;
    Transaction tx = ok.tx();
    Address sender = ok.sender();
    if (admitted.contains(tx.hash())) {
      return CheckOutcome.rejected(TxRejection.of(TxCode.ALREADY_KNOWN, "already known"));
    }
    try {
      if (tx.chainId() == null && !unprotectedAllowed) {
        throw new RejectedTxException(
            TxCode.NOT_REPLAY_PROTECTED,
            "only replay-protected (EIP-155) transactions allowed over RPC");
      }
      TxRules.checkStatic(tx, ctx.fork(), ctx.chainId(), ctx.maxTxBytes(), ctx.gasLimit());
      TxRules.checkFeeCap(tx, sender, ctx.baseFee());
      Pending p = pending.get(sender);
      long stateNonce;
      long nonce;
      BigInteger available;
      if (p != null) {
        stateNonce = p.stateNonce();
        nonce = p.nextNonce();
        available = balanceOf(committed, sender).subtract(p.committed());
      } else {
        Account a = committed.account(sender);
        stateNonce = a == null ? 0 : a.nonce();
        nonce = stateNonce;
        available = a == null ? BigInteger.ZERO : a.balance();
      }
      checkNotTaken(tx, sender, stateNonce, nonce);
      TxRules.checkAccount(tx, sender, nonce, available.max(BigInteger.ZERO));
      BigInteger promised = (p == null ? BigInteger.ZERO : p.committed()).add(tx.maxCost());
      pending.put(sender, new Pending(stateNonce, tx.nonce() + 1, promised));
      admitted.add(tx.hash());
      return new CheckOutcome(TxCode.OK, "", tx.gasLimit(), tx.hash(), sender);
    } catch (RejectedTxException e) {
      return CheckOutcome.rejected(e.rejection());
    }
  }

  /**
   * Refuses a nonce below the sender's pending one: below the committed nonce it is spent ("nonce
   * too low", with the committed nonce as geth reports it), else a mempool transaction holds it and
   * CometBFT cannot replace that one.
   */
  private static void checkNotTaken(Transaction tx, Address sender, long stateNonce, long nextNonce)
      throws RejectedTxException {
    if (Long.compareUnsigned(tx.nonce(), nextNonce) >= 0) {
      return;
    }
    if (Long.compareUnsigned(tx.nonce(), stateNonce) < 0) {
      throw new RejectedTxException(
          TxCode.NONCE_TOO_LOW,
          "nonce too low: address "
              + sender.toChecksumHex()
              + ", tx: "
              + Long.toUnsignedString(tx.nonce())
              + " state: "
              + Long.toUnsignedString(stateNonce));
    }
    throw new RejectedTxException(
        TxCode.REPLACEMENT_UNDERPRICED, "replacement transaction underpriced");
  }

  /** The nonce the sender's next transaction should carry, counting the mempool. */
  public synchronized long pendingNonce(Address sender, WorldView committed) {
    Pending p = pending.get(sender);
    if (p != null) {
      return p.nextNonce();
    }
    Account a = committed.account(sender);
    return a == null ? 0 : a.nonce();
  }

  /** Forgets the pending view; called at Commit, before CometBFT's recheck. */
  public synchronized void reset() {
    pending.clear();
    admitted.clear();
  }

  private static BigInteger balanceOf(WorldView view, Address a) {
    Account acc = view.account(a);
    return acc == null ? BigInteger.ZERO : acc.balance();
  }
}
