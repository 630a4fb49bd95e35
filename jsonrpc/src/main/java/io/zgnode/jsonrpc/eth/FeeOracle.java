package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.chain.Chain;
import io.zgnode.chain.block.EthHeader;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.jsonrpc.core.RpcException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fee figures from recent blocks: the suggested priority fee and eth_feeHistory.
 *
 * <p>Suggested tip (eth_maxPriorityFeePerGas, and the tip part of eth_gasPrice), after geth's gas
 * price oracle: take the {@value #TIP_SAMPLES} lowest effective tips (price paid minus the block's
 * base fee) of each of the last {@value #TIP_BLOCKS} blocks, sort them all, and answer the {@value
 * #TIP_PERCENTILE}th percentile; 0 when those blocks hold no transactions. Unlike geth there is no
 * floor or ceiling: this chain pays every fee to the fee collector, so the tip only orders
 * transactions in the mempool.
 *
 * <p>Per-block figures are read from the block's header and receipts once and cached (committed
 * blocks never change under CometBFT's instant finality).
 */
final class FeeOracle {
  static final int TIP_BLOCKS = 20;
  static final int TIP_SAMPLES = 3;
  static final int TIP_PERCENTILE = 60;
  static final int MAX_BLOCK_COUNT = 1024;
  static final int MAX_PERCENTILES = 100;
  private static final int CACHE_BLOCKS = 2 * MAX_BLOCK_COUNT;

  /** One transaction's tip and gas, for the reward percentiles. */
  record Tip(BigInteger reward, long gasUsed) {}

  /** What fee history needs from one block; {@code tips} ascending by reward. */
  record BlockFees(BigInteger baseFee, long gasUsed, long gasLimit, List<Tip> tips) {}

  private record CachedTip(long height, BigInteger tip) {}

  private final Chain chain;
  private final Map<Long, BlockFees> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, BlockFees> eldest) {
          return size() > CACHE_BLOCKS;
        }
      };
  private volatile CachedTip tip;

  FeeOracle(Chain chain) {
    this.chain = chain;
  }

  BigInteger suggestedTip() {
    long latest = chain.latestHeight();
    CachedTip c = tip;
    if (c != null && c.height() == latest) {
      return c.tip();
    }
    List<BigInteger> samples = new ArrayList<>();
    for (long n = latest; n >= 0 && n > latest - TIP_BLOCKS; n--) {
      BlockFees f = fees(n);
      if (f == null) {
        break;
      }
      for (int i = 0; i < Math.min(TIP_SAMPLES, f.tips().size()); i++) {
        samples.add(f.tips().get(i).reward());
      }
    }
    BigInteger result = BigInteger.ZERO;
    if (!samples.isEmpty()) {
      samples.sort(Comparator.naturalOrder());
      result = samples.get((samples.size() - 1) * TIP_PERCENTILE / 100);
    }
    tip = new CachedTip(latest, result);
    return result;
  }

  /** The fee figures of committed block {@code n}, or null if it is not there. */
  BlockFees fees(long n) {
    synchronized (cache) {
      BlockFees f = cache.get(n);
      if (f != null) {
        return f;
      }
    }
    Optional<EthHeader> header = chain.header(n);
    if (header.isEmpty()) {
      return null;
    }
    EthHeader h = header.get();
    BigInteger baseFee = h.baseFeePerGas() == null ? BigInteger.ZERO : h.baseFeePerGas();
    List<Tip> tips = new ArrayList<>();
    for (Receipt r : chain.blockReceipts(n)) {
      BigInteger reward = r.effectiveGasPrice().subtract(baseFee).max(BigInteger.ZERO);
      tips.add(new Tip(reward, r.gasUsed()));
    }
    tips.sort(Comparator.comparing(Tip::reward));
    BlockFees f = new BlockFees(baseFee, h.gasUsed(), h.gasLimit(), List.copyOf(tips));
    synchronized (cache) {
      cache.put(n, f);
    }
    return f;
  }

  /**
   * eth_feeHistory over the {@code blockCount} blocks ending at {@code newest} (clipped to 1024 and
   * to the blocks the node has). baseFeePerGas has one entry more than the blocks: the base fee of
   * the block after {@code newest}. reward is present only when percentiles are given.
   */
  ObjectNode feeHistory(long blockCount, long newest, double[] percentiles) throws RpcException {
    long latest = chain.latestHeight();
    if (newest > latest) {
      throw RpcException.rejected(
          "request beyond head block: requested " + newest + ", head " + latest);
    }
    ObjectNode out = RpcJson.NODES.objectNode();
    long count = Math.min(Math.min(blockCount, MAX_BLOCK_COUNT), newest + 1);
    List<BlockFees> blocks = new ArrayList<>();
    for (long n = newest; n > newest - count; n--) {
      BlockFees f = fees(n);
      if (f == null) {
        break;
      }
      blocks.add(0, f);
    }
    if (blocks.isEmpty()) {
      out.put("oldestBlock", "0x0");
      return out;
    }
    long oldest = newest - blocks.size() + 1;
    out.set("oldestBlock", RpcJson.quantity(oldest));
    ArrayNode baseFees = out.putArray("baseFeePerGas");
    ArrayNode ratios = out.putArray("gasUsedRatio");
    ArrayNode blobFees = out.putArray("baseFeePerBlobGas");
    ArrayNode blobRatios = out.putArray("blobGasUsedRatio");
    ArrayNode rewards = percentiles.length > 0 ? RpcJson.NODES.arrayNode() : null;
    for (BlockFees f : blocks) {
      baseFees.add(RpcJson.quantity(f.baseFee()));
      ratios.add(f.gasLimit() == 0 ? 0.0 : (double) f.gasUsed() / f.gasLimit());
      blobFees.add(RpcJson.quantity(1));
      blobRatios.add(0.0);
      if (rewards != null) {
        rewards.add(rewards(f, percentiles));
      }
    }
    baseFees.add(RpcJson.quantity(baseFeeAfter(newest, latest)));
    blobFees.add(RpcJson.quantity(1));
    if (rewards != null) {
      out.set("reward", rewards);
    }
    return out;
  }

  private BigInteger baseFeeAfter(long newest, long latest) {
    if (newest == latest) {
      return chain.nextBaseFee();
    }
    BlockFees next = fees(newest + 1);
    return next == null ? chain.nextBaseFee() : next.baseFee();
  }

  /**
   * geth's rule: walk the transactions by increasing tip, adding up their gas, and for each
   * percentile answer the tip of the first transaction where the running gas reaches that share of
   * the block's gas used. An empty block rewards 0.
   */
  static ArrayNode rewards(BlockFees f, double[] percentiles) {
    ArrayNode row = RpcJson.NODES.arrayNode();
    if (f.tips().isEmpty()) {
      for (int i = 0; i < percentiles.length; i++) {
        row.add(RpcJson.quantity(0));
      }
      return row;
    }
    int txIndex = 0;
    long sumGas = f.tips().get(0).gasUsed();
    for (double p : percentiles) {
      double threshold = f.gasUsed() * p / 100;
      while (sumGas < threshold && txIndex < f.tips().size() - 1) {
        txIndex++;
        sumGas += f.tips().get(txIndex).gasUsed();
      }
      row.add(RpcJson.quantity(f.tips().get(txIndex).reward()));
    }
    return row;
  }
}
