package io.zgnode.chain;

import io.zgnode.chain.block.BlockAssembler;
import io.zgnode.chain.block.BlockBody;
import io.zgnode.chain.block.BlockStore;
import io.zgnode.chain.block.ChainListener;
import io.zgnode.chain.block.CommittedBlock;
import io.zgnode.chain.block.EthHeader;
import io.zgnode.chain.block.IndexedLog;
import io.zgnode.chain.block.LogFilter;
import io.zgnode.chain.block.LogQueryLimitException;
import io.zgnode.chain.block.TxLocation;
import io.zgnode.chain.exec.BlockContext;
import io.zgnode.chain.exec.BlockExecutor;
import io.zgnode.chain.exec.BlockOutcome;
import io.zgnode.chain.fee.BaseFee;
import io.zgnode.chain.fee.FeeState;
import io.zgnode.chain.mempool.CheckOutcome;
import io.zgnode.chain.mempool.MempoolAdmission;
import io.zgnode.chain.mempool.PendingPool;
import io.zgnode.chain.mempool.PendingTx;
import io.zgnode.chain.proposal.ProposalRules;
import io.zgnode.chain.query.QueryRouter;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.receipt.ReceiptCodec;
import io.zgnode.chain.system.HistoryStorage;
import io.zgnode.chain.tx.DecodedTx;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.chain.validators.ValidatorModules;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisAccount;
import io.zgnode.slashing.params.EvidenceParams;
import io.zgnode.staking.validator.ValidatorUpdate;
import io.zgnode.state.store.AppHash;
import io.zgnode.state.store.CommitInfo;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.Put;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldUpdater;
import io.zgnode.state.world.WorldView;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The state machine, free of any wire format: CometBFT's ABCI calls arrive here as plain values.
 *
 * <p>Life of a height H: {@link #finalizeBlock} executes the block on a working copy of the last
 * committed state, builds its Ethereum header (parent hash, roots, bloom) and returns the app hash
 * without writing anything; {@link #commit} writes that working copy, the header, the body, the
 * receipts and the indexes in one atomic batch. A crash between the two loses only the working
 * copy, and CometBFT replays block H on restart. Genesis works the same way: {@link #initChain}
 * builds the genesis state and header in memory and the first block's Commit persists them.
 *
 * <p>Thread-safety: consensus calls (initChain, prepare/process/finalize, commit) are serialized on
 * {@code consensusLock}; CheckTx, queries and the reads for the JSON-RPC read only committed data
 * (which the database keeps consistent while a block executes and commits) and may run on any
 * number of threads.
 *
 * <p>Retention ({@link ChainOptions#retainHeights()}): 0 keeps every height's state queryable (an
 * archive node); N keeps only the heights above {@code latest - N}, and {@link #stateAt} answers
 * {@link PrunedHeightException} below them. This is a logical limit only: the trie nodes of older
 * heights stay on disk until physical pruning exists. Headers, bodies, receipts and logs are kept
 * for every height.
 */
public final class Chain implements AutoCloseable {
  static final byte[] KEY_COMET_CHAIN_ID = ascii("chain/comet_chain_id");
  static final byte[] KEY_GENESIS_PARAMS = ascii("chain/genesis_params");
  static final byte[] KEY_BASE_FEE = ascii("fee/next_base_fee");

  private static final System.Logger LOG = System.getLogger(Chain.class.getName());
  private static final BlockBody EMPTY_BODY = new BlockBody(List.of(), List.of());

  /**
   * Column family of height -> state root (32 bytes) || CometBFT block hash (32 bytes) || Ethereum
   * block hash (32 bytes), for queries at past heights and BLOCKHASH.
   */
  public static final String CF_HEIGHTS = BlockStore.CF_HEIGHTS;

  /** Column family of transaction hash -> stored receipt ({@link ReceiptCodec}). */
  public static final String CF_RECEIPTS = BlockStore.CF_RECEIPTS;

  /** Every column family the chain writes beside the state (see {@link BlockStore}). */
  public static final List<String> FAMILIES = BlockStore.FAMILIES;

  private final StateDatabase db;
  private final TxDecoder decoder;
  private final ChainOptions options;
  private final MempoolAdmission admission;
  private final PendingPool pendingPool = new PendingPool();
  private final BlockStore blocks;
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();
  private final BlockExecutor executor = new BlockExecutor();
  private final Object consensusLock = new Object();
  private final Object genesisLock = new Object();

  private volatile ChainParams params;
  private volatile FeeState nextFee;

  /** The genesis: set by InitChain, or rebuilt from the database when first needed. */
  private volatile Genesis genesis;

  /** The genesis height once known (-1 before). */
  private volatile long genesisHeight = -1;

  private Working working;

  /** The genesis state and header, as InitChain built them. */
  private record Genesis(
      long height, EthHeader header, GenesisView view, AppGenesis app, byte[] appState) {}

  /** A block executed but not committed: what Commit writes for it. */
  private record PendingBlock(
      CommittedBlock block, byte[] cometHash, List<Hash> allTxHashes, boolean genesis) {}

  /**
   * The heights executed but not yet committed (normally one; genesis and the first block
   * together), on the working state that Commit writes.
   */
  private record Working(
      long height,
      WorldUpdater world,
      ModuleUpdater modules,
      Hash appHash,
      List<PendingBlock> blocks,
      Genesis genesis) {}

  public Chain(StateDatabase db, TxDecoder decoder, boolean unprotectedAllowed) {
    this(db, decoder, new ChainOptions(unprotectedAllowed, 0));
  }

  /**
   * A chain over {@code db}, creating the column families of the blocks (see {@link #FAMILIES}) if
   * they do not exist yet.
   */
  public Chain(StateDatabase db, TxDecoder decoder, ChainOptions options) {
    this.db = Objects.requireNonNull(db, "db");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.options = Objects.requireNonNull(options, "options");
    this.admission = new MempoolAdmission(decoder);
    this.blocks = new BlockStore(db);
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

  /** The node-local options this chain runs with. */
  public ChainOptions options() {
    return options;
  }

  /**
   * Builds the genesis state from {@code app_state} and returns its app hash; the genesis header
   * gets timestamp 0. Nothing is written until the first block commits.
   */
  public Hash initChain(String cometChainId, long initialHeight, String appStateJson) {
    return initChain(cometChainId, initialHeight, appStateJson, 0);
  }

  /**
   * Builds the genesis state and the genesis header (height {@code initialHeight - 1}) and returns
   * the app hash. Nothing is written until the first block commits.
   *
   * @param genesisTimeSeconds the genesis time (CometBFT's genesis_time), the genesis header's
   *     timestamp; negative values count as 0
   */
  public Hash initChain(
      String cometChainId, long initialHeight, String appStateJson, long genesisTimeSeconds) {
    return initChain(cometChainId, initialHeight, appStateJson, genesisTimeSeconds, null).appHash();
  }

  /**
   * Builds the genesis state and header as {@link #initChain(String, long, String, long)} does, and
   * runs the staking and slashing genesis: when {@code app_state.staking} lists validators, their
   * self-delegations are bonded and the result carries the initial validator set, which replaces
   * CometBFT's genesis validators; otherwise the result has no validators and CometBFT keeps its
   * own.
   *
   * @param evidence CometBFT's evidence limits from the genesis consensus params; null when
   *     CometBFT gave none ({@link EvidenceParams#DEFAULT}, CometBFT's defaults, then apply)
   */
  public InitChainResult initChain(
      String cometChainId,
      long initialHeight,
      String appStateJson,
      long genesisTimeSeconds,
      EvidenceParams evidence) {
    synchronized (consensusLock) {
      if (db.lastCommit().height() > 0) {
        throw new IllegalStateException(
            "InitChain on a node that already committed height " + db.lastCommit().height());
      }
      if (appStateJson == null || appStateJson.isBlank()) {
        throw new IllegalStateException(
            "the genesis has no app_state: create the node home with `zgnode init`");
      }
      if (initialHeight < 1) {
        throw new IllegalArgumentException("initial height must be >= 1, got " + initialHeight);
      }
      AppGenesis app = AppGenesis.parse(appStateJson);
      ChainParams p = new ChainParams(cometChainId, app);
      WorldUpdater world = buildGenesisWorld(db.newUpdater(), app);
      ModuleUpdater modules = db.newModuleUpdater();
      List<ValidatorUpdate> validators =
          new ValidatorModules(world, modules)
              .initGenesis(
                  app,
                  initialHeight,
                  genesisTimeSeconds,
                  evidence == null ? EvidenceParams.DEFAULT : evidence);
      modules.put(KEY_COMET_CHAIN_ID, cometChainId.getBytes(StandardCharsets.UTF_8));
      modules.put(KEY_GENESIS_PARAMS, paramsJson(app).getBytes(StandardCharsets.UTF_8));
      FeeState fee = new FeeState(app.feeMarket().initialBaseFee());
      modules.put(KEY_BASE_FEE, fee.encode());
      Hash stateRoot = world.computeStateRoot();
      Hash appHash = AppHash.of(stateRoot, modules.computeRoot());
      long height = initialHeight - 1;
      EthHeader header =
          BlockAssembler.genesis(
              p.forkAt(height),
              stateRoot,
              height,
              app.feeMarket().blockGasLimit(),
              Math.max(0, genesisTimeSeconds),
              fee.baseFee());
      Genesis g =
          new Genesis(
              height,
              header,
              new GenesisView(app, world),
              app,
              appStateJson.getBytes(StandardCharsets.UTF_8));
      PendingBlock genesisBlock =
          new PendingBlock(
              new CommittedBlock(header, header.hash(), EMPTY_BODY, List.of()),
              new byte[0],
              List.of(),
              true);
      this.params = p;
      this.nextFee = fee;
      this.genesis = g;
      this.genesisHeight = height;
      this.working = new Working(height, world, modules, appHash, List.of(genesisBlock), g);
      return new InitChainResult(appHash, validators);
    }
  }

  /** Writes the genesis accounts and the system contracts into {@code world}. */
  private static WorldUpdater buildGenesisWorld(WorldUpdater world, AppGenesis genesis) {
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
    return world;
  }

  /**
   * The genesis world rebuilt from {@code app_state} alone (after a restart, or for a scratch
   * updater at the genesis height): the accounts, the system contracts and the tokens the staking
   * genesis moved. The staking genesis runs on a throwaway module state; only its token moves in
   * {@code world} matter here, and they depend on nothing but the genesis.
   */
  private static WorldUpdater rebuildGenesisWorld(
      WorldUpdater world, AppGenesis app, long genesisHeight, long genesisTime) {
    buildGenesisWorld(world, app);
    if (app.staking() != null || app.slashing() != null) {
      try (StateDatabase scratch = StateDatabase.inMemory()) {
        new ValidatorModules(world, scratch.newModuleUpdater())
            .initGenesis(app, genesisHeight + 1, genesisTime, EvidenceParams.DEFAULT);
      }
    }
    return world;
  }

  /** CheckTx of a new transaction; see {@link #checkTx(byte[], boolean)}. */
  public CheckOutcome checkTx(byte[] raw) {
    return checkTx(raw, false);
  }

  /**
   * CheckTx, for new transactions and for CometBFT's rechecks after a commit. An accepted
   * transaction enters (or stays in) the {@link #pendingPool()}, and a new one is announced to the
   * listeners; a transaction a recheck refuses leaves the pool, as it leaves CometBFT's mempool.
   *
   * @param recheck whether CometBFT re-checks a transaction already in its mempool
   */
  public CheckOutcome checkTx(byte[] raw, boolean recheck) {
    ChainParams p = params;
    if (p == null) {
      return CheckOutcome.rejected(
          TxRejection.of(TxCode.INTERNAL, "the chain has not been initialised yet"));
    }
    long next = db.lastCommit().height() + 1;
    CheckOutcome out =
        admission.check(
            raw,
            committedView(),
            context(p, next, 0, nextBaseFee()),
            options.allowUnprotectedTxs());
    if (out.accepted()) {
      if (decoder.decode(raw) instanceof DecodedTx.Valid v) {
        PendingTx tx = new PendingTx(out.txHash(), raw, v.tx(), v.sender());
        pendingPool.accepted(tx);
        if (!recheck) {
          for (ChainListener l : listeners) {
            try {
              l.onPendingTransaction(tx);
            } catch (RuntimeException e) {
              LOG.log(System.Logger.Level.WARNING, "chain listener failed on a new transaction", e);
            }
          }
        }
      }
    } else if (recheck) {
      pendingPool.refused(Hash.keccak(raw));
    }
    return out;
  }

  /**
   * The nonce a sender's next transaction should use: the committed nonce plus the sender's
   * contiguous pending transactions (eth_getTransactionCount with "pending").
   */
  public long pendingNonce(Address sender) {
    Account a = committedView().account(sender);
    return pendingPool.pendingNonce(sender, a == null ? 0 : a.nonce());
  }

  public List<byte[]> prepareProposal(long height, List<byte[]> txs, long maxTxBytes) {
    synchronized (consensusLock) {
      ChainParams p = requireParams();
      return ProposalRules.select(
          txs,
          decoder.decodeAll(txs),
          committedView(),
          context(p, height, 0, nextBaseFee()),
          maxTxBytes);
    }
  }

  public boolean processProposal(long height, List<byte[]> txs) {
    ChainParams p = requireParams();
    return ProposalRules.acceptable(decoder.decodeAll(txs), context(p, height, 0, nextBaseFee()));
  }

  public BlockResult finalizeBlock(BlockInput block) {
    synchronized (consensusLock) {
      ChainParams p = requireParams();
      Working base = working;
      WorldUpdater world;
      ModuleUpdater modules;
      List<PendingBlock> earlier;
      Genesis pendingGenesis;
      if (base != null && base.height() == block.height() - 1) {
        world = base.world();
        modules = base.modules();
        earlier = base.blocks();
        pendingGenesis = base.genesis();
      } else {
        long last = db.lastCommit().height();
        if (block.height() != last + 1) {
          throw new IllegalStateException(
              "FinalizeBlock for height " + block.height() + " but the last commit is " + last);
        }
        world = db.newUpdater();
        modules = db.newModuleUpdater();
        earlier = List.of();
        pendingGenesis = null;
      }
      long height = block.height();
      FeeState fee = FeeState.decode(modules.get(KEY_BASE_FEE));
      Hash parentHash = hashOf(height - 1, earlier);
      Hash randomness = randomness(block);
      BlockContext ctx =
          new BlockContext(
              height,
              block.timestampSeconds(),
              p.forkAt(height),
              fee.baseFee(),
              p.evmChainId(),
              p.feeMarket().blockGasLimit(),
              p.feeMarket().maxTxBytes(),
              randomness,
              n -> hashOf(n, earlier));
      HistoryStorage.beginBlock(world, ctx.fork(), height, parentHash);
      ValidatorModules validators =
          ValidatorModules.ownsValidatorSet(modules) ? new ValidatorModules(world, modules) : null;
      if (validators != null) {
        validators.beginBlock(
            height, block.timestampSeconds(), block.lastCommit(), block.misbehavior());
      }
      List<DecodedTx> decoded = decoder.decodeAll(block.txs());
      BlockOutcome outcome = executor.execute(world, ctx, decoded);
      // After the transactions, so that this block's fees are distributed with it.
      List<ValidatorUpdate> validatorUpdates =
          validators == null ? List.of() : validators.endBlock(height, block.timestampSeconds());
      FeeState next = new FeeState(BaseFee.next(p.feeMarket(), fee.baseFee(), outcome.gasUsed()));
      modules.put(KEY_BASE_FEE, next.encode());
      Hash stateRoot = world.computeStateRoot();
      Hash appHash = AppHash.of(stateRoot, modules.computeRoot());

      // The Ethereum block holds the transactions that executed (those with a receipt); the ones
      // that could not be included stay in CometBFT's block only.
      List<Receipt> receipts = outcome.receipts();
      List<byte[]> included = new ArrayList<>(receipts.size());
      List<Hash> includedHashes = new ArrayList<>(receipts.size());
      List<Hash> allHashes = new ArrayList<>(decoded.size());
      int r = 0;
      for (int i = 0; i < decoded.size(); i++) {
        Hash h =
            decoded.get(i) instanceof DecodedTx.Valid v
                ? v.tx().hash()
                : Hash.keccak(block.txs().get(i));
        allHashes.add(h);
        if (r < receipts.size() && receipts.get(r).txHash().equals(h)) {
          included.add(block.txs().get(i));
          includedHashes.add(h);
          r++;
        }
      }
      if (r != receipts.size()) {
        throw new IllegalStateException(
            "block " + height + ": the receipts do not follow the block's transactions");
      }
      EthHeader header =
          BlockAssembler.header(
              ctx.fork(),
              parentHash,
              ChainParams.FEE_COLLECTOR,
              stateRoot,
              included,
              receipts,
              height,
              ctx.gasLimit(),
              outcome.gasUsed(),
              block.timestampSeconds(),
              randomness,
              fee.baseFee());
      CommittedBlock sealed =
          new CommittedBlock(
              header, header.hash(), new BlockBody(included, includedHashes), receipts);
      List<PendingBlock> pending = new ArrayList<>(earlier);
      pending.add(new PendingBlock(sealed, block.blockHash().clone(), allHashes, false));
      working = new Working(height, world, modules, appHash, List.copyOf(pending), pendingGenesis);
      return new BlockResult(
          height, outcome.results(), outcome.gasUsed(), appHash, validatorUpdates);
    }
  }

  /**
   * Persists the finalized height atomically (state, headers, bodies, receipts, indexes), then
   * updates the pending pool and tells the listeners; returns the height CometBFT may prune below.
   */
  public long commit() {
    synchronized (consensusLock) {
      Working w = working;
      if (w == null
          || w.height() != db.lastCommit().height() + 1 && db.lastCommit().height() != 0) {
        throw new IllegalStateException("Commit without a finalized block");
      }
      List<Put> extras = new ArrayList<>();
      for (PendingBlock b : w.blocks()) {
        blocks.addPuts(b.block(), b.cometHash(), extras);
      }
      if (w.genesis() != null) {
        BlockStore.addGenesisPuts(w.genesis().height(), w.genesis().appState(), extras);
      }
      db.commit(w.height(), w.world(), w.modules(), w.appHash(), extras);
      working = null;
      nextFee = FeeState.decode(db.newModuleUpdater().get(KEY_BASE_FEE));
      admission.reset();
      for (PendingBlock b : w.blocks()) {
        if (b.genesis()) {
          continue;
        }
        try {
          pendingPool.committed(b.allTxHashes());
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "pending pool failed at commit", e);
        }
        for (ChainListener l : listeners) {
          try {
            l.onBlockCommitted(b.block());
          } catch (RuntimeException e) {
            LOG.log(
                System.Logger.Level.WARNING,
                "chain listener failed on block " + b.block().header().number(),
                e);
          }
        }
      }
      return 0;
    }
  }

  public QueryResult query(String path, byte[] data, long height) {
    return new QueryRouter(this).route(path, data, height);
  }

  /** A read-only view of the last committed world state (the genesis before the first commit). */
  public WorldView committedView() {
    Genesis g = genesis;
    if (g != null && db.lastCommit().height() == 0) {
      return g.view();
    }
    return db.latestView();
  }

  /**
   * A read-only view of the world state committed at {@code height}, or null when that height is
   * unknown or outside the retention window ({@link #stateAt} says which).
   */
  public WorldView viewAt(long height) {
    try {
      return stateAt(height);
    } catch (PrunedHeightException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The receipt of an included transaction, or null. */
  public Receipt receipt(Hash txHash) {
    return blocks.receipt(txHash);
  }

  // ---- reads for the JSON-RPC (committed data only; safe from any thread) ----------------------

  /** The last committed height, 0 before the first commit. */
  public long latestHeight() {
    return db.lastCommit().height();
  }

  /**
   * The lowest height whose state is still queryable: the genesis height (normally 0) on an archive
   * node ({@code retainHeights} 0), else the lowest of the last {@code retainHeights} heights.
   * Logical retention: older states are refused, though their trie nodes stay on disk until
   * physical pruning exists.
   */
  public long earliestStateHeight() {
    long g = genesisHeight();
    long retain = options.retainHeights();
    if (retain == 0) {
      return g;
    }
    long latest = latestHeight();
    return Math.max(g, latest - retain + 1);
  }

  /** The Ethereum header of a committed height (0 = genesis), or empty. */
  public Optional<EthHeader> header(long number) {
    Optional<EthHeader> h = blocks.header(number);
    if (h.isEmpty()) {
      Genesis g = genesis;
      if (g != null && g.height() == number) {
        return Optional.of(g.header());
      }
    }
    return h;
  }

  /** The height of the committed block with this Ethereum block hash, or empty. */
  public OptionalLong blockNumber(Hash blockHash) {
    OptionalLong n = blocks.number(blockHash);
    if (n.isEmpty()) {
      Genesis g = genesis;
      if (g != null && g.header().hash().equals(blockHash)) {
        return OptionalLong.of(g.height());
      }
    }
    return n;
  }

  /** The transactions of a committed height, or empty when the height is not committed. */
  public Optional<BlockBody> body(long number) {
    Optional<BlockBody> b = blocks.body(number);
    if (b.isEmpty()) {
      Genesis g = genesis;
      if (g != null && g.height() == number) {
        return Optional.of(EMPTY_BODY);
      }
    }
    return b;
  }

  /** Where a committed transaction sits, or empty. */
  public Optional<TxLocation> txLocation(Hash txHash) {
    return blocks.txLocation(txHash);
  }

  /**
   * The receipts of a committed height in block order (empty list for an empty block, and for a
   * height that is not committed).
   */
  public List<Receipt> blockReceipts(long number) {
    return blocks.receipts(number);
  }

  /**
   * The logs matching {@code filter} in heights {@code from..to} (inclusive, both committed), in
   * chain order. Uses the address/topic index so a selective filter over a wide range does not read
   * every block.
   *
   * @param maxBlocks the widest range answered ({@code to - from + 1}); 0 or less: no limit
   * @param maxResults the most logs answered; 0 or less: no limit
   * @throws io.zgnode.chain.block.LogQueryLimitException when the range spans more than {@code
   *     maxBlocks} heights or more than {@code maxResults} logs match
   * @throws IllegalArgumentException when {@code from > to}, a bound is negative, or {@code to} is
   *     above the latest height
   */
  public List<IndexedLog> logs(
      LogFilter filter, long from, long to, long maxBlocks, int maxResults) {
    Objects.requireNonNull(filter, "filter");
    if (from < 0 || to < 0) {
      throw new IllegalArgumentException(
          "invalid block range: fromBlock " + from + ", toBlock " + to);
    }
    if (from > to) {
      throw new IllegalArgumentException(
          "invalid block range params: fromBlock " + from + " is after toBlock " + to);
    }
    long latest = latestHeight();
    if (to > latest) {
      throw new IllegalArgumentException("toBlock " + to + " is above the latest block " + latest);
    }
    long span = to - from + 1;
    if (maxBlocks > 0 && (span <= 0 || span > maxBlocks)) {
      throw new LogQueryLimitException(
          "block range too large: "
              + (span <= 0 ? "more than " + Long.MAX_VALUE : String.valueOf(span))
              + " blocks, limit "
              + maxBlocks
              + "; narrow fromBlock/toBlock");
    }
    return blocks.logs(filter, from, to, maxResults);
  }

  /**
   * The world state after height {@code height} (0 = genesis).
   *
   * @throws PrunedHeightException below {@link #earliestStateHeight()}
   * @throws IllegalArgumentException above {@link #latestHeight()}
   */
  public WorldView stateAt(long height) {
    checkStateHeight(height);
    if (height == genesisHeight()) {
      return requireGenesis().view();
    }
    Hash root = stateRootOf(height);
    // The latest state reads from the flat account/storage tables instead of walking the trie.
    WorldView latest = db.latestView();
    return latest.stateRoot().equals(root) ? latest : db.viewAt(root);
  }

  /**
   * A throwaway updater over the state after {@code height}, for eth_call, estimates and tracing;
   * never committed. Same exceptions as {@link #stateAt}. At the genesis height the updater holds
   * the genesis accounts as its own (uncommitted) changes over an empty state.
   */
  public WorldUpdater scratchUpdaterAt(long height) {
    checkStateHeight(height);
    if (height == genesisHeight()) {
      Genesis g = requireGenesis();
      return rebuildGenesisWorld(
          db.updaterAt(Hash.EMPTY_TRIE), g.app(), g.height(), g.header().timestamp());
    }
    Hash root = stateRootOf(height);
    WorldUpdater latest = db.newUpdater();
    return latest.baseRoot().equals(root) ? latest : db.updaterAt(root);
  }

  /** The genesis, for reads of its state; an uninitialised chain has none to read. */
  private Genesis requireGenesis() {
    Genesis g = genesis();
    if (g == null) {
      throw new IllegalArgumentException(
          "the genesis state is not available: the chain has not been initialised");
    }
    return g;
  }

  private void checkStateHeight(long height) {
    long latest = latestHeight();
    Genesis g = genesis;
    boolean genesisBeforeFirstCommit = latest == 0 && g != null && height == g.height();
    if (height > latest && !genesisBeforeFirstCommit) {
      throw new IllegalArgumentException(
          "height " + height + " is above the latest height " + latest);
    }
    long earliest = earliestStateHeight();
    if (height < earliest) {
      throw new PrunedHeightException(height, earliest);
    }
  }

  private Hash stateRootOf(long height) {
    Hash root = blocks.stateRootAt(height);
    if (root == null) {
      root =
          db.commitAt(height)
              .orElseThrow(
                  () -> new IllegalArgumentException("no state recorded for height " + height))
              .stateRoot();
    }
    return root;
  }

  /** The context block {@code height} executed in (from its stored header). */
  public BlockContext blockContext(long height) {
    ChainParams p = requireParams();
    EthHeader h =
        header(height)
            .orElseThrow(() ->
                new IllegalArgumentException(
                    "no block at height " + height + " (latest " + latestHeight() + ")"));
    return new BlockContext(
        h.number(),
        h.timestamp(),
        p.forkAt(h.number()),
        h.baseFeePerGas(),
        p.evmChainId(),
        h.gasLimit(),
        p.feeMarket().maxTxBytes(),
        h.mixHash(),
        this::canonicalHash);
  }

  /**
   * The context of the next block, for the "pending" tag: height latest + 1, the next base fee, the
   * latest timestamp (a block's time is only known when it is proposed).
   */
  public BlockContext pendingContext() {
    ChainParams p = requireParams();
    long latest = latestHeight();
    long time = header(latest).map(EthHeader::timestamp).orElse(0L);
    return context(p, latest + 1, time, nextBaseFee());
  }

  /** The base fee the next block will charge. */
  public BigInteger nextBaseFee() {
    FeeState f = nextFee;
    if (f == null) {
      throw new IllegalStateException("the chain has not been initialised (no InitChain yet)");
    }
    return f.baseFee();
  }

  /** The mempool as the app sees it. */
  public PendingPool pendingPool() {
    return pendingPool;
  }

  /** Registers a listener for committed blocks and new mempool transactions. */
  public void addListener(ChainListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Unregisters a listener; nothing happens when it is not registered. */
  public void removeListener(ChainListener listener) {
    listeners.remove(listener);
  }

  /** The decoder shared with CheckTx (decodes and recovers once per raw transaction). */
  public TxDecoder decoder() {
    return decoder;
  }

  /**
   * The Ethereum hash of block {@code number}: an uncommitted block of {@code pending} (what is
   * being built on), else the committed one; zero if unknown. What BLOCKHASH and EIP-2935 see.
   */
  private Hash hashOf(long number, List<PendingBlock> pending) {
    for (PendingBlock b : pending) {
      if (b.block().header().number() == number) {
        return b.block().hash();
      }
    }
    return canonicalHash(number);
  }

  /** The Ethereum hash of a committed block (or of the genesis before it is written); else zero. */
  private Hash canonicalHash(long number) {
    Hash h = blocks.hashAt(number);
    if (h != null) {
      return h;
    }
    Genesis g = genesis;
    return g != null && g.height() == number ? g.header().hash() : Hash.ZERO;
  }

  private static Hash randomness(BlockInput block) {
    byte[] h = block.blockHash();
    return h.length == 32 ? Hash.wrap(h) : Hash.keccak(heightKey(block.height()));
  }

  /** The genesis height: from InitChain or the database; for an older database its first height. */
  private long genesisHeight() {
    long h = genesisHeight;
    if (h >= 0) {
      return h;
    }
    OptionalLong stored = blocks.genesisHeight();
    if (stored.isPresent()) {
      h = stored.getAsLong();
    } else if (db.lastCommit().height() > 0) {
      h = blocks.lowestHeight().orElse(db.lastCommit().height());
    } else {
      return 0; // nothing known yet; not cached, InitChain will tell
    }
    genesisHeight = h;
    return h;
  }

  /** The genesis, rebuilt from the stored app_state after a restart; null when unknown. */
  private Genesis genesis() {
    Genesis g = genesis;
    if (g != null) {
      return g;
    }
    synchronized (genesisLock) {
      g = genesis;
      if (g != null) {
        return g;
      }
      byte[] appState = blocks.genesisAppState();
      OptionalLong height = blocks.genesisHeight();
      if (appState == null || height.isEmpty()) {
        return null;
      }
      EthHeader header =
          blocks
              .header(height.getAsLong())
              .orElseThrow(() ->
                  new IllegalStateException(
                      "the genesis header of height " + height.getAsLong() + " is missing"));
      AppGenesis app = AppGenesis.parse(new String(appState, StandardCharsets.UTF_8));
      WorldUpdater world =
          rebuildGenesisWorld(
              db.updaterAt(Hash.EMPTY_TRIE), app, height.getAsLong(), header.timestamp());
      Hash root = world.computeStateRoot();
      if (!root.equals(header.stateRoot())) {
        throw new IllegalStateException(
            "the stored genesis app_state builds state root "
                + root
                + ", the genesis header says "
                + header.stateRoot());
      }
      g = new Genesis(height.getAsLong(), header, new GenesisView(app, world), app, appState);
      genesis = g;
      return g;
    }
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

  private BlockContext context(ChainParams p, long height, long time, BigInteger baseFee) {
    return new BlockContext(
        height,
        time,
        p.forkAt(height),
        baseFee,
        p.evmChainId(),
        p.feeMarket().blockGasLimit(),
        p.feeMarket().maxTxBytes(),
        Hash.ZERO,
        this::canonicalHash);
  }

  private void loadParams() {
    ModuleUpdater modules = db.newModuleUpdater();
    byte[] chainId = modules.get(KEY_COMET_CHAIN_ID);
    byte[] genesisParams = modules.get(KEY_GENESIS_PARAMS);
    if (chainId == null || genesisParams == null) {
      throw new IllegalStateException("the database has committed heights but no chain parameters");
    }
    this.params =
        new ChainParams(
            new String(chainId, StandardCharsets.UTF_8),
            AppGenesis.parse(new String(genesisParams, StandardCharsets.UTF_8)));
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
    return BlockStore.heightKey(height);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
