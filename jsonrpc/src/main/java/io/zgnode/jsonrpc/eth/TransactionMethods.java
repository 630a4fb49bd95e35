package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.zgnode.chain.Chain;
import io.zgnode.chain.block.BlockBody;
import io.zgnode.chain.block.EthHeader;
import io.zgnode.chain.block.TxLocation;
import io.zgnode.chain.mempool.PendingTx;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.tx.DecodedTx;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionType;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.PipelinedRpcMethod;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Transactions by hash (committed or in the mempool), receipts, and eth_sendRawTransaction.
 *
 * <p>eth_sendRawTransaction checks what geth checks before its pool (decodable, a supported type,
 * replay protection, the fee cap), then hands the bytes to the {@link TxBroadcaster}, whose CheckTx
 * answer is already worded as geth's pool errors. Decoding here goes through the chain's shared
 * decoder, so the sender is recovered on this RPC thread and CheckTx finds it in the cache.
 */
final class TransactionMethods {
  private static final BigDecimal ETHER = new BigDecimal(BigInteger.TEN.pow(18));

  private final ChainAccess access;
  private final EthContext ctx;

  TransactionMethods(ChainAccess access, EthContext ctx) {
    this.access = access;
    this.ctx = ctx;
  }

  void register(MethodRegistry r) {
    r.register("eth_getTransactionByHash", this::byHash);
    r.register("eth_getTransactionReceipt", this::receipt);
    r.register("eth_sendRawTransaction", (PipelinedRpcMethod) this::sendRaw);
  }

  private JsonNode byHash(RpcRequest req) throws RpcException {
    req.maxParams(1);
    Hash hash = RpcJson.parseHash(req.requiredParam(0, "hash"), "hash");
    Chain chain = access.chain();
    JsonNode committed = committed(hash);
    if (committed != null) {
      return committed;
    }
    Optional<PendingTx> pending = chain.pendingPool().byHash(hash);
    if (pending.isPresent()) {
      return EthJson.pendingTransaction(pending.get().tx(), pending.get().sender());
    }
    // The pool drops a transaction after its block is durable: look again in case that commit
    // happened between the two reads above.
    committed = committed(hash);
    return committed != null ? committed : NullNode.getInstance();
  }

  private JsonNode committed(Hash hash) throws RpcException {
    Chain chain = access.chain();
    Optional<TxLocation> loc = chain.txLocation(hash);
    if (loc.isEmpty()) {
      return null;
    }
    long n = loc.get().blockNumber();
    Optional<EthHeader> h = chain.header(n);
    Optional<BlockBody> b = chain.body(n);
    int index = loc.get().index();
    if (h.isEmpty() || b.isEmpty() || index >= b.get().rawTxs().size()) {
      return null;
    }
    Receipt r = chain.receipt(hash);
    return access.committedTx(
        h.get(), loc.get().blockHash(), b.get(), index, r == null ? null : r.from());
  }

  private JsonNode receipt(RpcRequest req) throws RpcException {
    req.maxParams(1);
    Hash hash = RpcJson.parseHash(req.requiredParam(0, "hash"), "hash");
    Receipt r = access.chain().receipt(hash);
    if (r == null) {
      return NullNode.getInstance();
    }
    Optional<EthHeader> h = access.chain().header(r.height());
    if (h.isEmpty()) {
      return NullNode.getInstance();
    }
    return EthJson.receipt(r, h.get().hash(), h.get().timestamp());
  }

  /**
   * Checks here what geth checks before its pool, then hands the bytes on without waiting, so a
   * batch of submissions costs one round trip to the mempool, not one per transaction.
   */
  private CompletableFuture<JsonNode> sendRaw(RpcRequest req) throws RpcException {
    req.maxParams(1);
    byte[] raw = RpcJson.parseData(req.requiredParam(0, "input"), "input");
    DecodedTx decoded = access.chain().decoder().decode(raw);
    if (decoded instanceof DecodedTx.Invalid invalid) {
      throw RpcException.rejected(invalid.reason().message());
    }
    DecodedTx.Valid valid = (DecodedTx.Valid) decoded;
    Transaction tx = valid.tx();
    if (tx.type() == TransactionType.BLOB) {
      throw RpcException.rejected("transaction type not supported");
    }
    if (!tx.isReplayProtected()) {
      throw RpcException.rejected("only replay-protected (EIP-155) transactions allowed over RPC");
    }
    checkFeeCap(tx, ctx.config().txFeeCapWei());
    JsonNode hash = RpcJson.hash(tx.hash());
    if (access.chain().pendingPool().byHash(tx.hash()).isPresent()) {
      // geth's pool answers a transaction it holds this way (one already mined is "nonce too low").
      throw RpcException.rejected("already known");
    }
    return ctx.broadcaster()
        .submit(raw, valid.sender().hashCode())
        .handle((result, failure) -> {
          if (failure != null) {
            // Unwrap only the future's own wrapper: an IOException's cause is less telling.
            Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure;
            throw new CompletionException(
                RpcException.internal(String.valueOf(cause.getMessage())));
          }
          if (!result.accepted()) {
            // It was not known when this call began, so a mempool that now knows it got it from
            // this very submission (an HTTP client's retry towards CometBFT) or from a peer at
            // the same moment: either way it is in, which is what the caller asked for.
            if ("already known".equals(result.log()) && isKnown(tx.hash())) {
              return hash;
            }
            throw new CompletionException(RpcException.rejected(result.log()));
          }
          return hash;
        });
  }

  /** Whether the transaction is in the app's view of the mempool or already in a block. */
  private boolean isKnown(Hash txHash) {
    Chain chain = access.chain();
    return chain.pendingPool().byHash(txHash).isPresent() || chain.txLocation(txHash).isPresent();
  }

  /**
   * geth's RPC fee cap: gas limit x fee cap (gasPrice for legacy, maxFeePerGas otherwise) must not
   * exceed {@code capWei}; 0 disables the check. Compared exactly, printed in ether with two
   * decimals as geth prints it.
   */
  static void checkFeeCap(Transaction tx, BigInteger capWei) throws RpcException {
    if (capWei == null || capWei.signum() == 0) {
      return;
    }
    BigInteger gas = new BigInteger(Long.toUnsignedString(tx.gasLimit()));
    BigInteger fee = tx.gasPrice().multiply(gas);
    if (fee.compareTo(capWei) > 0) {
      throw RpcException.rejected(
          "tx fee ("
              + ether(fee)
              + " ether) exceeds the configured cap ("
              + ether(capWei)
              + " ether)");
    }
  }

  private static String ether(BigInteger wei) {
    return new BigDecimal(wei).divide(ETHER).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
