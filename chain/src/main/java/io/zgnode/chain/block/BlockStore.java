package io.zgnode.chain.block;

import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.receipt.ReceiptCodec;
import io.zgnode.evm.rlp.RlpException;
import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;
import io.zgnode.state.db.Families;
import io.zgnode.state.store.Put;
import io.zgnode.state.store.StateDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The blocks beside the state: per height its Ethereum header, body and receipts, and the indexes
 * the JSON-RPC looks things up by (block hash, transaction hash, log address and topics). Writes
 * are {@link Put}s that Commit adds to the state's atomic batch, so a height's blocks data appear
 * together with its state or not at all; reads see only committed heights and are safe from any
 * thread.
 *
 * <h2>Column families</h2>
 *
 * <ul>
 *   <li>{@value #CF_HEIGHTS}: height (8 bytes, big-endian) to state root (32) || CometBFT block
 *       hash (32, zeros when unknown) || Ethereum block hash (32; absent in databases written
 *       before Ethereum headers existed).
 *   <li>{@value #CF_HEADERS}: height to the header's RLP.
 *   <li>{@value #CF_BLOCK_HASHES}: Ethereum block hash to height.
 *   <li>{@value #CF_BODIES}: height to {@code rlp([[tx envelope, ...], tx hashes concatenated])}:
 *       the transactions that executed (those with a receipt), in block order.
 *   <li>{@value #CF_TX_INDEX}: transaction hash to height (8) || index (4) || block hash (32).
 *   <li>{@value #CF_RECEIPTS}: transaction hash to its receipt ({@link ReceiptCodec}).
 *   <li>{@value #CF_LOG_INDEX}: see {@link LogIndex}.
 *   <li>{@value #CF_GENESIS}: the genesis height and its {@code app_state}, from which the genesis
 *       state is rebuilt for queries at height 0 (its trie is never written as such: the first
 *       commit writes the state after the first block).
 * </ul>
 *
 * <p>This class is internal to the node; the JSON-RPC reads through {@code Chain}.
 */
public final class BlockStore {
  public static final String CF_HEIGHTS = "heights";
  public static final String CF_RECEIPTS = "receipts";
  public static final String CF_HEADERS = "headers";
  public static final String CF_BLOCK_HASHES = "block-hashes";
  public static final String CF_BODIES = "bodies";
  public static final String CF_TX_INDEX = Families.TX_INDEX;
  public static final String CF_LOG_INDEX = "log-index";
  public static final String CF_GENESIS = "genesis";

  /** Every column family the blocks use. */
  public static final List<String> FAMILIES =
      List.of(
          CF_HEIGHTS,
          CF_RECEIPTS,
          CF_HEADERS,
          CF_BLOCK_HASHES,
          CF_BODIES,
          CF_TX_INDEX,
          CF_LOG_INDEX,
          CF_GENESIS);

  private static final byte[] KEY_GENESIS_HEIGHT = {'h'};
  private static final byte[] KEY_GENESIS_APP_STATE = {'a'};

  private final StateDatabase db;

  /** Creates the column families that do not exist yet. */
  public BlockStore(StateDatabase db) {
    this.db = db;
    for (String f : FAMILIES) {
      db.store().ensureFamily(f);
    }
  }

  // ---- writing ---------------------------------------------------------------------------------

  /**
   * Adds the writes of one block to a commit batch.
   *
   * @param cometBlockHash CometBFT's hash of the block (empty for genesis)
   */
  public void addPuts(CommittedBlock block, byte[] cometBlockHash, List<Put> out) {
    EthHeader header = block.header();
    long number = header.number();
    byte[] key = heightKey(number);
    byte[] heights = new byte[96];
    System.arraycopy(header.stateRoot().bytesUnsafe(), 0, heights, 0, 32);
    System.arraycopy(cometBlockHash, 0, heights, 32, Math.min(32, cometBlockHash.length));
    System.arraycopy(block.hash().bytesUnsafe(), 0, heights, 64, 32);
    out.add(new Put(CF_HEIGHTS, key, heights));
    out.add(new Put(CF_HEADERS, key, header.rlp()));
    out.add(new Put(CF_BLOCK_HASHES, block.hash().toArray(), key));
    out.add(new Put(CF_BODIES, key, encodeBody(block.body())));
    List<Hash> hashes = block.body().txHashes();
    for (int i = 0; i < hashes.size(); i++) {
      byte[] loc = new byte[44];
      System.arraycopy(key, 0, loc, 0, 8);
      loc[8] = (byte) (i >>> 24);
      loc[9] = (byte) (i >>> 16);
      loc[10] = (byte) (i >>> 8);
      loc[11] = (byte) i;
      System.arraycopy(block.hash().bytesUnsafe(), 0, loc, 12, 32);
      out.add(new Put(CF_TX_INDEX, hashes.get(i).toArray(), loc));
    }
    for (Receipt r : block.receipts()) {
      out.add(new Put(CF_RECEIPTS, r.txHash().toArray(), ReceiptCodec.encode(r)));
    }
    LogIndex.addEntries(CF_LOG_INDEX, number, block.receipts(), out);
  }

  /** Adds the genesis record (height and app_state) to the first commit's batch. */
  public static void addGenesisPuts(long height, byte[] appState, List<Put> out) {
    out.add(new Put(CF_GENESIS, KEY_GENESIS_HEIGHT, heightKey(height)));
    out.add(new Put(CF_GENESIS, KEY_GENESIS_APP_STATE, appState));
  }

  // ---- reading ---------------------------------------------------------------------------------

  /** The header of a committed height, or empty. */
  public Optional<EthHeader> header(long number) {
    if (number < 0) {
      return Optional.empty();
    }
    byte[] v = db.get(CF_HEADERS, heightKey(number));
    return v == null ? Optional.empty() : Optional.of(EthHeader.decode(v));
  }

  /** The Ethereum hash of a committed height's block, or null. */
  public Hash hashAt(long number) {
    byte[] v = heightsRecord(number);
    return v == null || v.length < 96 ? null : Hash.wrapOwned(Arrays.copyOfRange(v, 64, 96));
  }

  /** The state root committed at a height, or null. */
  public Hash stateRootAt(long number) {
    byte[] v = heightsRecord(number);
    return v == null ? null : Hash.wrapOwned(Arrays.copyOf(v, 32));
  }

  private byte[] heightsRecord(long number) {
    return number < 0 ? null : db.get(CF_HEIGHTS, heightKey(number));
  }

  /** The height of the committed block with this hash, or empty. */
  public OptionalLong number(Hash blockHash) {
    byte[] v = db.get(CF_BLOCK_HASHES, blockHash.bytesUnsafe());
    return v == null ? OptionalLong.empty() : OptionalLong.of(readLong(v, 0));
  }

  /** The body of a committed height, or empty. */
  public Optional<BlockBody> body(long number) {
    if (number < 0) {
      return Optional.empty();
    }
    byte[] v = db.get(CF_BODIES, heightKey(number));
    return v == null ? Optional.empty() : Optional.of(decodeBody(v));
  }

  /** Where a committed transaction sits, or empty. */
  public Optional<TxLocation> txLocation(Hash txHash) {
    byte[] v = db.get(CF_TX_INDEX, txHash.bytesUnsafe());
    if (v == null) {
      return Optional.empty();
    }
    if (v.length != 44) {
      throw new IllegalStateException(
          "corrupt transaction index entry for " + txHash + ": " + v.length + " bytes");
    }
    int index = ((v[8] & 0xff) << 24) | ((v[9] & 0xff) << 16) | ((v[10] & 0xff) << 8);
    index |= v[11] & 0xff;
    return Optional.of(
        new TxLocation(readLong(v, 0), Hash.wrapOwned(Arrays.copyOfRange(v, 12, 44)), index));
  }

  /** The receipt of a committed transaction, or null. */
  public Receipt receipt(Hash txHash) {
    byte[] v = db.get(CF_RECEIPTS, txHash.bytesUnsafe());
    return v == null ? null : ReceiptCodec.decode(v);
  }

  /** The receipts of a committed height in block order; empty for an empty or unknown height. */
  public List<Receipt> receipts(long number) {
    Optional<BlockBody> body = body(number);
    if (body.isEmpty()) {
      return List.of();
    }
    List<Hash> hashes = body.get().txHashes();
    List<Receipt> out = new ArrayList<>(hashes.size());
    for (Hash h : hashes) {
      Receipt r = receipt(h);
      if (r == null) {
        throw new IllegalStateException(
            "block " + number + " lists transaction " + h + " but its receipt is missing");
      }
      out.add(r);
    }
    return out;
  }

  /**
   * The logs matching {@code filter} in committed heights {@code from..to}, in chain order. With
   * address or topic criteria only the heights the index names are read; without, the heights whose
   * header bloom is empty are skipped.
   *
   * @param maxResults the most logs returned (0 or less: no limit)
   * @throws LogQueryLimitException when more than {@code maxResults} logs match
   */
  public List<IndexedLog> logs(LogFilter filter, long from, long to, int maxResults) {
    List<IndexedLog> out = new ArrayList<>();
    long[] candidates = LogIndex.candidates(db.store(), CF_LOG_INDEX, filter, from, to);
    if (candidates != null) {
      for (long h : candidates) {
        Hash blockHash = hashAt(h);
        if (blockHash != null) {
          collect(h, blockHash, filter, maxResults, out);
        }
      }
      return out;
    }
    for (long h = from; h <= to && h >= 0; h++) {
      Optional<EthHeader> header = header(h);
      if (header.isPresent() && !header.get().hasEmptyBloom()) {
        collect(h, header.get().hash(), filter, maxResults, out);
      }
      if (h == Long.MAX_VALUE) {
        break;
      }
    }
    return out;
  }

  private void collect(
      long height, Hash blockHash, LogFilter filter, int maxResults, List<IndexedLog> out) {
    for (Receipt r : receipts(height)) {
      List<Log> logs = r.logs();
      for (int i = 0; i < logs.size(); i++) {
        Log log = logs.get(i);
        if (!filter.matches(log)) {
          continue;
        }
        if (maxResults > 0 && out.size() >= maxResults) {
          throw new LogQueryLimitException(
              "query returned more than "
                  + maxResults
                  + " results; narrow the range or the filter");
        }
        out.add(
            new IndexedLog(log, height, blockHash, r.txHash(), r.index(), r.firstLogIndex() + i));
      }
    }
  }

  /** The genesis height recorded at the first commit, or empty before it (or in old databases). */
  public OptionalLong genesisHeight() {
    byte[] v = db.get(CF_GENESIS, KEY_GENESIS_HEIGHT);
    return v == null ? OptionalLong.empty() : OptionalLong.of(readLong(v, 0));
  }

  /** The genesis app_state recorded at the first commit, or null. */
  public byte[] genesisAppState() {
    return db.get(CF_GENESIS, KEY_GENESIS_APP_STATE);
  }

  /** The lowest height with a heights record, or empty when there is none. */
  public OptionalLong lowestHeight() {
    long[] found = {-1};
    db.store()
        .forEach(
            CF_HEIGHTS,
            null,
            null,
            (k, v) -> {
              found[0] = readLong(k, 0);
              return false;
            });
    return found[0] < 0 ? OptionalLong.empty() : OptionalLong.of(found[0]);
  }

  // ---- encodings -------------------------------------------------------------------------------

  static byte[] encodeBody(BlockBody body) {
    int size = 64 + 32 * body.txHashes().size();
    for (byte[] raw : body.rawTxs()) {
      size += raw.length + 4;
    }
    RlpWriter w = new RlpWriter(size);
    w.startList();
    w.startList();
    for (byte[] raw : body.rawTxs()) {
      w.writeBytes(raw);
    }
    w.endList();
    byte[] hashes = new byte[32 * body.txHashes().size()];
    for (int i = 0; i < body.txHashes().size(); i++) {
      System.arraycopy(body.txHashes().get(i).bytesUnsafe(), 0, hashes, 32 * i, 32);
    }
    w.writeBytes(hashes);
    w.endList();
    return w.toByteArray();
  }

  static BlockBody decodeBody(byte[] bytes) {
    RlpReader r = RlpReader.ofSingleItem(bytes).readList();
    RlpReader txs = r.readList();
    List<byte[]> raws = new ArrayList<>();
    while (txs.hasNext()) {
      raws.add(txs.readBytes());
    }
    byte[] hashes = r.readBytes();
    r.requireEnd("block body");
    if (hashes.length != 32 * raws.size()) {
      throw new RlpException(
          "block body: " + raws.size() + " transactions but " + hashes.length + " bytes of hashes");
    }
    List<Hash> txHashes = new ArrayList<>(raws.size());
    for (int i = 0; i < raws.size(); i++) {
      txHashes.add(Hash.wrapOwned(Arrays.copyOfRange(hashes, 32 * i, 32 * i + 32)));
    }
    return new BlockBody(raws, txHashes);
  }

  /** A height as a key: 8 bytes big-endian, so heights sort numerically. */
  public static byte[] heightKey(long height) {
    byte[] k = new byte[8];
    for (int i = 0; i < 8; i++) {
      k[i] = (byte) (height >>> (56 - 8 * i));
    }
    return k;
  }

  private static long readLong(byte[] b, int at) {
    if (b.length < at + 8) {
      throw new IllegalStateException("corrupt block store entry: " + b.length + " bytes");
    }
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }
}
