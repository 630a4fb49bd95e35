package io.zgnode.chain.proposal;

import io.zgnode.chain.RejectedTxException;
import io.zgnode.chain.exec.BlockContext;
import io.zgnode.chain.exec.TxRules;
import io.zgnode.chain.tx.DecodedTx;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Address;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldView;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What goes into a block (PrepareProposal) and which proposals a validator accepts
 * (ProcessProposal).
 */
public final class ProposalRules {
  private ProposalRules() {}

  /**
   * Picks, in mempool order, the transactions that will execute: each sender's nonces must follow
   * on from the committed state and be paid for, the block's gas limit holds, and the total size
   * (as CometBFT counts it, with protobuf framing) stays within {@code maxTxBytes}.
   */
  public static List<byte[]> select(
      List<byte[]> raws,
      List<DecodedTx> decoded,
      WorldView committed,
      BlockContext ctx,
      long maxTxBytes) {
    record SenderState(long nonce, BigInteger balance) {}
    Map<Address, SenderState> senders = new HashMap<>();
    List<byte[]> out = new ArrayList<>();
    long bytes = 0;
    long gas = 0;
    for (int i = 0; i < raws.size(); i++) {
      if (!(decoded.get(i) instanceof DecodedTx.Valid ok)) {
        continue;
      }
      Transaction tx = ok.tx();
      byte[] raw = raws.get(i);
      long size = protoSize(raw.length);
      if (bytes + size > maxTxBytes) {
        continue;
      }
      if (Long.compareUnsigned(tx.gasLimit(), ctx.gasLimit() - gas) > 0) {
        continue;
      }
      SenderState s = senders.get(ok.sender());
      if (s == null) {
        Account a = committed.account(ok.sender());
        s =
            a == null
                ? new SenderState(0, BigInteger.ZERO)
                : new SenderState(a.nonce(), a.balance());
      }
      try {
        TxRules.checkStatic(tx, ctx.fork(), ctx.chainId(), ctx.maxTxBytes(), ctx.gasLimit());
        TxRules.checkFeeCap(tx, ok.sender(), ctx.baseFee());
        TxRules.checkAccount(tx, ok.sender(), s.nonce(), s.balance());
      } catch (RejectedTxException e) {
        continue;
      }
      senders.put(ok.sender(), new SenderState(tx.nonce() + 1, s.balance().subtract(tx.maxCost())));
      out.add(raw);
      bytes += size;
      gas += tx.gasLimit();
    }
    return out;
  }

  /**
   * Accepts a proposal unless it holds bytes that are not a signed transaction of this chain, or
   * asks for more gas than a block has. Stateful failures (a stale nonce, say) are not grounds for
   * rejection: they become failed results, as every validator computes the same way.
   */
  public static boolean acceptable(List<DecodedTx> decoded, BlockContext ctx) {
    long gas = 0;
    for (DecodedTx d : decoded) {
      if (!(d instanceof DecodedTx.Valid ok)) {
        return false;
      }
      Transaction tx = ok.tx();
      if (tx.chainId() != null && !tx.chainId().equals(ctx.chainId())) {
        return false;
      }
      gas += tx.gasLimit();
      if (tx.gasLimit() < 0 || gas < 0 || gas > ctx.gasLimit()) {
        return false;
      }
    }
    return true;
  }

  /** Bytes a transaction takes in the block's protobuf {@code repeated bytes txs} field. */
  static long protoSize(int length) {
    int varint = 1;
    for (long v = length; v >= 0x80; v >>>= 7) {
      varint++;
    }
    return 1L + varint + length;
  }
}
