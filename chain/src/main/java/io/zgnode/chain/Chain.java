package io.zgnode.chain;

import io.zgnode.chain.exec.BlockContext;
import io.zgnode.chain.exec.BlockExecutor;
import io.zgnode.chain.exec.BlockOutcome;
import io.zgnode.chain.fee.BaseFee;
import io.zgnode.chain.fee.FeeState;
import io.zgnode.chain.mempool.CheckOutcome;
import io.zgnode.chain.mempool.MempoolAdmission;
import io.zgnode.chain.proposal.ProposalRules;
import io.zgnode.chain.query.QueryRouter;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.receipt.ReceiptCodec;
import io.zgnode.chain.system.HistoryStorage;
import io.zgnode.chain.tx.DecodedTx;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.types.Hash;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisAccount;
import io.zgnode.state.store.AppHash;
import io.zgnode.state.store.CommitInfo;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.Put;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.world.WorldUpdater;
import io.zgnode.state.world.WorldView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state machine, free of any wire format: CometBFT's ABCI calls arrive here as plain values.
 *
 * <p>Life of a height H: {@link #finalizeBlock} executes the block on a working copy of the last
 * committed state and returns the app hash without writing anything; {@link #commit} writes that
 * working copy in one atomic batch. A crash between the two loses only the working copy, and
 * CometBFT replays block H on restart. Genesis works the same way: {@link #initChain} builds the
 * genesis state in memory and the first block's Commit persists it.
 *
 * <p>Thread-safety: consensus calls (initChain, prepare/process/finalize, commit) are serialized on
 * {@code consensusLock}; CheckTx and queries read only committed state, which the database keeps
 * consistent while a block executes.
 */
public final class Chain implements AutoCloseable {
  static final byte[] KEY_COMET_CHAIN_ID = ascii("chain/comet_chain_id");
  static final byte[] KEY_GENESIS_PARAMS = ascii("chain/genesis_params");
  static final byte[] KEY_BASE_FEE = ascii("fee/next_base_fee");

  /**
   * Column family of height -> state root (32 bytes) || CometBFT block hash (32 bytes), for queries
   * at past heights and BLOCKHASH.
   */
  public static final String CF_HEIGHTS = "heights";

  /** Column family of transaction hash -> stored receipt ({@link ReceiptCodec}). */
  public static final String CF_RECEIPTS = "receipts";

  private final StateDatabase db;
  private final TxDecoder decoder;
  private final MempoolAdmission admission;
  private final BlockExecutor executor = new BlockExecutor();
  private final Object consensusLock = new Object();
  private final boolean unprotectedAllowed;

  private volatile ChainParams params;
  private volatile FeeState nextFee;
  private volatile GenesisView genesisView;
  private Working working;

  /** A height executed but not yet committed. */
  private record Working(
      long height,
      WorldUpdater world,
      ModuleUpdater modules,
      Hash stateRoot,
      Hash appHash,
      byte[] blockHash,
      List<Receipt> receipts) {}

  public Chain(StateDatabase db, TxDecoder decoder, boolean unprotectedAllowed) {
    this.db = db;
    this.decoder = decoder;
    this.admission = new MempoolAdmission(decoder);
    this.unprotectedAllowed = unprotectedAllowed;
    if (db.lastCommit().height() > 0) {
      loadParams();
    }
  }

  public CommittedInfo info() {
    CommitInfo c = db.lastCommit();
    return new CommittedInfo(c.height(), c.height() == 0 ? Hash.ZERO : c.appHash());
  }

  /** The chain's parameters; null before InitChain on a fresh node. */
  public ChainParams params() {
    return params;
  }

  /**
   * Builds the genesis state from {@code app_state} and returns its app hash. Nothing is written
   * until the first block commits.
   */
  public Hash initChain(String cometChainId, long initialHeight, String appStateJson) {
    synchronized (consensusLock) {
      if (db.lastCommit().height() > 0) {
        throw new IllegalStateException(
            "InitChain on a node that already committed height " + db.lastCommit().height());
      }
      if (appStateJson == null || appStateJson.isBlank()) {
        throw new IllegalStateException(
            "the genesis has no app_state: create the node home with `zgnode init`");
      }
      AppGenesis genesis = AppGenesis.parse(appStateJson);
      ChainParams p = new ChainParams(cometChainId, genesis);
      WorldUpdater world = db.newUpdater();
      for (GenesisAccount a : genesis.evm().accounts()) {
        world.setBalance(a.address(), a.balance());
        world.setNonce(a.address(), a.nonce());
        if (a.code().length > 0) {
          world.setCode(a.address(), a.code());
        }
        for (Map.Entry<Hash, Hash> e : a.storage().entrySet()) {
          world.setStorage(a.address(), e.getKey(), e.getValue());
        }
      }
      HistoryStorage.installAtGenesis(world);
      ModuleUpdater modules = db.newModuleUpdater();
      modules.put(KEY_COMET_CHAIN_ID, cometChainId.getBytes(StandardCharsets.UTF_8));
      modules.put(KEY_GENESIS_PARAMS, paramsJson(genesis).getBytes(StandardCharsets.UTF_8));
      FeeState fee = new FeeState(genesis.feeMarket().initialBaseFee());
      modules.put(KEY_BASE_FEE, fee.encode());
      Hash stateRoot = world.computeStateRoot();
      Hash appHash = AppHash.of(stateRoot, modules.computeRoot());
      this.params = p;
      this.nextFee = fee;
      this.working =
          new Working(
              initialHeight - 1, world, modules, stateRoot, appHash, new byte[0], List.of());
      this.genesisView = new GenesisView(genesis, world);
      return appHash;
    }
  }

  /** CheckTx, for new transactions and for rechecks after a commit. */
  public CheckOutcome checkTx(byte[] raw) {
    ChainParams p = params;
    if (p == null) {
      return CheckOutcome.rejected(
          TxRejection.of(TxCode.INTERNAL, "the chain has not been initialised yet"));
    }
    long next = db.lastCommit().height() + 1;
    return admission.check(raw, committedView(), context(p, next, 0, nextFee), unprotectedAllowed);
  }

  /** The nonce a sender's next transaction should use, counting mempool transactions. */
  public long pendingNonce(io.zgnode.evm.types.Address sender) {
    return admission.pendingNonce(sender, committedView());
  }

  public List<byte[]> prepareProposal(long height, List<byte[]> txs, long maxTxBytes) {
    synchronized (consensusLock) {
      ChainParams p = requireParams();
      return ProposalRules.select(
          txs, decoder.decodeAll(txs), committedView(), context(p, height, 0, nextFee), maxTxBytes);
    }
  }

  public boolean processProposal(long height, List<byte[]> txs) {
    ChainParams p = requireParams();
    return ProposalRules.acceptable(decoder.decodeAll(txs), context(p, height, 0, nextFee));
  }

  public BlockResult finalizeBlock(BlockInput block) {
    synchronized (consensusLock) {
      ChainParams p = requireParams();
      Working base = working;
      WorldUpdater world;
      ModuleUpdater modules;
      if (base != null && base.height() == block.height() - 1) {
        world = base.world();
        modules = base.modules();
      } else {
        long last = db.lastCommit().height();
        if (block.height() != last + 1) {
          throw new IllegalStateException(
              "FinalizeBlock for height " + block.height() + " but the last commit is " + last);
        }
        world = db.newUpdater();
        modules = db.newModuleUpdater();
      }
      FeeState fee = FeeState.decode(modules.get(KEY_BASE_FEE));
      BlockContext ctx =
          context(p, block.height(), block.timestampSeconds(), fee, randomness(block));
      HistoryStorage.beginBlock(world, ctx.fork(), block.height(), blockHash(block.height() - 1));
      List<DecodedTx> decoded = decoder.decodeAll(block.txs());
      BlockOutcome outcome = executor.execute(world, ctx, decoded);
      FeeState next = new FeeState(BaseFee.next(p.feeMarket(), fee.baseFee(), outcome.gasUsed()));
      modules.put(KEY_BASE_FEE, next.encode());
      Hash stateRoot = world.computeStateRoot();
      Hash appHash = AppHash.of(stateRoot, modules.computeRoot());
      working =
          new Working(
              block.height(),
              world,
              modules,
              stateRoot,
              appHash,
              block.blockHash(),
              outcome.receipts());
      return new BlockResult(block.height(), outcome.results(), outcome.gasUsed(), appHash);
    }
  }

  /** Persists the finalized height atomically; returns the height CometBFT may prune below. */
  public long commit() {
    synchronized (consensusLock) {
      Working w = working;
      if (w == null
          || w.height() != db.lastCommit().height() + 1 && db.lastCommit().height() != 0) {
        throw new IllegalStateException("Commit without a finalized block");
      }
      List<Put> extras = new ArrayList<>();
      byte[] heightValue = new byte[64];
      System.arraycopy(w.stateRoot().bytesUnsafe(), 0, heightValue, 0, 32);
      byte[] bh = w.blockHash();
      System.arraycopy(bh, 0, heightValue, 32, Math.min(32, bh.length));
      extras.add(new Put(CF_HEIGHTS, heightKey(w.height()), heightValue));
      for (Receipt r : w.receipts()) {
        extras.add(new Put(CF_RECEIPTS, r.txHash().toArray(), ReceiptCodec.encode(r)));
      }
      db.commit(w.height(), w.world(), w.modules(), w.appHash(), extras);
      working = null;
      genesisView = null;
      nextFee = FeeState.decode(db.newModuleUpdater().get(KEY_BASE_FEE));
      admission.reset();
      return 0;
    }
  }

  public QueryResult query(String path, byte[] data, long height) {
    return new QueryRouter(this).route(path, data, height);
  }

  /** A read-only view of the last committed world state. */
  public WorldView committedView() {
    GenesisView g = genesisView;
    if (g != null && db.lastCommit().height() == 0) {
      return g;
    }
    return db.latestView();
  }

  /** A read-only view of the world state committed at {@code height}, or null if unknown. */
  public WorldView viewAt(long height) {
    byte[] v = db.get(CF_HEIGHTS, heightKey(height));
    return v == null ? null : db.viewAt(Hash.wrap(java.util.Arrays.copyOf(v, 32)));
  }

  /** The receipt of an included transaction, or null. */
  public Receipt receipt(Hash txHash) {
    byte[] v = db.get(CF_RECEIPTS, txHash.toArray());
    return v == null ? null : ReceiptCodec.decode(v);
  }

  // ---- reads for the JSON-RPC (committed data only; safe from any thread) ----------------------

  /** The last committed height, 0 before the first commit. */
  public long latestHeight() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The lowest height whose state is still kept (1 on an archive node, or 0 for genesis). */
  public long earliestStateHeight() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The Ethereum header of a committed height (0 = genesis), or empty. */
  public java.util.Optional<io.zgnode.chain.block.EthHeader> header(long number) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The height of the committed block with this Ethereum block hash, or empty. */
  public java.util.OptionalLong blockNumber(Hash blockHash) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The transactions of a committed height, or empty when the height is not committed. */
  public java.util.Optional<io.zgnode.chain.block.BlockBody> body(long number) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Where a committed transaction sits, or empty. */
  public java.util.Optional<io.zgnode.chain.block.TxLocation> txLocation(Hash txHash) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The receipts of a committed height in block order (empty list for an empty block). */
  public List<Receipt> blockReceipts(long number) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The logs matching {@code filter} in heights {@code from..to} (inclusive, both committed), in
   * chain order. Uses the address/topic index so a selective filter over a wide range does not read
   * every block.
   *
   * @throws io.zgnode.chain.block.LogQueryLimitException when the range spans more than {@code
   *     maxBlocks} heights or more than {@code maxResults} logs match
   */
  public List<io.zgnode.chain.block.IndexedLog> logs(
      io.zgnode.chain.block.LogFilter filter, long from, long to, long maxBlocks, int maxResults) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The world state after height {@code height} (0 = genesis).
   *
   * @throws PrunedHeightException below {@link #earliestStateHeight()}
   * @throws IllegalArgumentException above {@link #latestHeight()}
   */
  public WorldView stateAt(long height) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * A throwaway updater over the state after {@code height}, for eth_call, estimates and tracing;
   * never committed. Same exceptions as {@link #stateAt}.
   */
  public WorldUpdater scratchUpdaterAt(long height) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The context block {@code height} executed in (from its stored header). */
  public BlockContext blockContext(long height) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The context of the next block, for the "pending" tag: height latest + 1, the next base fee, the
   * latest timestamp (a block's time is only known when it is proposed).
   */
  public BlockContext pendingContext() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The base fee the next block will charge. */
  public java.math.BigInteger nextBaseFee() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The mempool as the app sees it. */
  public io.zgnode.chain.mempool.PendingPool pendingPool() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Registers a listener for committed blocks and new mempool transactions. */
  public void addListener(io.zgnode.chain.block.ChainListener listener) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The decoder shared with CheckTx (decodes and recovers once per raw transaction). */
  public TxDecoder decoder() {
    return decoder;
  }

  /** CometBFT's hash of the block at {@code height}, what BLOCKHASH answers; zero if unknown. */
  private Hash blockHash(long height) {
    byte[] v = db.get(CF_HEIGHTS, heightKey(height));
    if (v == null || v.length < 64) {
      return Hash.ZERO;
    }
    return Hash.wrap(java.util.Arrays.copyOfRange(v, 32, 64));
  }

  private static Hash randomness(BlockInput block) {
    byte[] h = block.blockHash();
    return h.length == 32 ? Hash.wrap(h) : Hash.keccak(heightKey(block.height()));
  }

  @Override
  public void close() {
    db.close();
  }

  private ChainParams requireParams() {
    ChainParams p = params;
    if (p == null) {
      throw new IllegalStateException("the chain has not been initialised (no InitChain yet)");
    }
    return p;
  }

  private BlockContext context(ChainParams p, long height, long time, FeeState fee) {
    return context(p, height, time, fee, Hash.ZERO);
  }

  private BlockContext context(
      ChainParams p, long height, long time, FeeState fee, Hash randomness) {
    return new BlockContext(
        height,
        time,
        p.forkAt(height),
        fee.baseFee(),
        p.evmChainId(),
        p.feeMarket().blockGasLimit(),
        p.feeMarket().maxTxBytes(),
        randomness,
        this::blockHash);
  }

  private void loadParams() {
    ModuleUpdater modules = db.newModuleUpdater();
    byte[] chainId = modules.get(KEY_COMET_CHAIN_ID);
    byte[] genesis = modules.get(KEY_GENESIS_PARAMS);
    if (chainId == null || genesis == null) {
      throw new IllegalStateException("the database has committed heights but no chain parameters");
    }
    this.params =
        new ChainParams(
            new String(chainId, StandardCharsets.UTF_8),
            AppGenesis.parse(new String(genesis, StandardCharsets.UTF_8)));
    this.nextFee = FeeState.decode(modules.get(KEY_BASE_FEE));
  }

  /** The genesis parameters without the accounts, which live in the state itself. */
  private static String paramsJson(AppGenesis g) {
    return new AppGenesis(
            new io.zgnode.genesis.EvmGenesis(g.evm().chainId(), g.evm().forks(), List.of()),
            g.feeMarket())
        .toJson();
  }

  static byte[] heightKey(long height) {
    return ByteBuffer.allocate(8).putLong(height).array();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
