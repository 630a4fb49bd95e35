package io.zgnode.abci.app;

import com.google.protobuf.ByteString;
import io.zgnode.abci.AbciApplication;
import io.zgnode.chain.BlockInput;
import io.zgnode.chain.BlockResult;
import io.zgnode.chain.Chain;
import io.zgnode.chain.ChainOptions;
import io.zgnode.chain.CommittedInfo;
import io.zgnode.chain.InitChainResult;
import io.zgnode.chain.QueryResult;
import io.zgnode.chain.TxCode;
import io.zgnode.chain.exec.TxEvent;
import io.zgnode.chain.exec.TxOutcome;
import io.zgnode.chain.mempool.CheckOutcome;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.proto.tendermint.abci.CheckTxType;
import io.zgnode.proto.tendermint.abci.Event;
import io.zgnode.proto.tendermint.abci.EventAttribute;
import io.zgnode.proto.tendermint.abci.ExecTxResult;
import io.zgnode.proto.tendermint.abci.RequestCheckTx;
import io.zgnode.proto.tendermint.abci.RequestCommit;
import io.zgnode.proto.tendermint.abci.RequestFinalizeBlock;
import io.zgnode.proto.tendermint.abci.RequestInfo;
import io.zgnode.proto.tendermint.abci.RequestInitChain;
import io.zgnode.proto.tendermint.abci.RequestPrepareProposal;
import io.zgnode.proto.tendermint.abci.RequestProcessProposal;
import io.zgnode.proto.tendermint.abci.RequestQuery;
import io.zgnode.proto.tendermint.abci.ResponseCheckTx;
import io.zgnode.proto.tendermint.abci.ResponseCommit;
import io.zgnode.proto.tendermint.abci.ResponseFinalizeBlock;
import io.zgnode.proto.tendermint.abci.ResponseInfo;
import io.zgnode.proto.tendermint.abci.ResponseInitChain;
import io.zgnode.proto.tendermint.abci.ResponsePrepareProposal;
import io.zgnode.proto.tendermint.abci.ResponseProcessProposal;
import io.zgnode.proto.tendermint.abci.ResponseQuery;
import io.zgnode.proto.tendermint.crypto.PublicKey;
import io.zgnode.slashing.block.BlockIdFlag;
import io.zgnode.slashing.block.Misbehavior;
import io.zgnode.slashing.block.MisbehaviorType;
import io.zgnode.slashing.block.VoteInfo;
import io.zgnode.slashing.params.EvidenceParams;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.staking.validator.ValidatorUpdate;
import io.zgnode.state.store.StateDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * zgnode's ABCI application: translates CometBFT's protobuf requests into calls on the wire-free
 * {@link Chain} and its answers back. Nothing here decides anything; it only converts.
 */
public final class ZgApplication implements AbciApplication, AutoCloseable {
  /** The application's protocol version, reported in Info and carried in block headers. */
  public static final long APP_VERSION = 1;

  private final Chain chain;
  private final String version;

  public ZgApplication(Chain chain, String version) {
    this.chain = chain;
    this.version = version;
  }

  /**
   * Opens (or creates) the node's database under {@code home/data/zgnode.db}.
   *
   * @param version the software version Info reports (CometBFT logs it at the handshake)
   */
  public static ZgApplication open(Path home, String version) {
    return open(home, version, ChainOptions.DEFAULT);
  }

  /**
   * Opens (or creates) the node's database under {@code home/data/zgnode.db}, with the node's local
   * chain options (replay protection, state retention).
   *
   * @param version the software version Info reports (CometBFT logs it at the handshake)
   */
  public static ZgApplication open(Path home, String version, ChainOptions options) {
    try {
      Path dir = home.resolve("data").resolve("zgnode.db");
      Files.createDirectories(dir);
      StateDatabase db =
          StateDatabase.open(dir, StateDatabase.Config.DEFAULT.withExtraFamilies(Chain.FAMILIES));
      try {
        return new ZgApplication(new Chain(db, TxDecoder.withDefaults(), options), version);
      } catch (RuntimeException e) {
        db.close();
        throw e;
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot open the node database under " + home + ": " + e, e);
    }
  }

  public Chain chain() {
    return chain;
  }

  @Override
  public ResponseInfo info(RequestInfo request) {
    CommittedInfo info = chain.info();
    ResponseInfo.Builder b =
        ResponseInfo.newBuilder()
            .setData("zgnode")
            .setVersion(version)
            .setAppVersion(APP_VERSION)
            .setLastBlockHeight(info.height());
    if (info.height() > 0) {
      b.setLastBlockAppHash(ByteString.copyFrom(info.appHash().bytesUnsafe()));
    }
    return b.build();
  }

  @Override
  public ResponseInitChain initChain(RequestInitChain request) {
    String appState = request.getAppStateBytes().toString(StandardCharsets.UTF_8);
    long initialHeight = Math.max(1, request.getInitialHeight());
    InitChainResult result =
        chain.initChain(
            request.getChainId(),
            initialHeight,
            appState,
            request.getTime().getSeconds(),
            evidenceParams(request));
    ResponseInitChain.Builder b =
        ResponseInitChain.newBuilder()
            .setAppHash(ByteString.copyFrom(result.appHash().bytesUnsafe()));
    // Empty unless the genesis creates staking validators: CometBFT then keeps its own.
    for (ValidatorUpdate u : result.validators()) {
      b.addValidators(toProto(u));
    }
    return b.build();
  }

  /**
   * The evidence age limits of the genesis consensus params, or null (the chain then uses
   * CometBFT's defaults) when CometBFT sent none or non-positive values. FinalizeBlock carries no
   * consensus params, and this application never changes them, so the genesis values hold.
   */
  static EvidenceParams evidenceParams(RequestInitChain request) {
    if (!request.hasConsensusParams() || !request.getConsensusParams().hasEvidence()) {
      return null;
    }
    var e = request.getConsensusParams().getEvidence();
    long seconds = e.hasMaxAgeDuration() ? e.getMaxAgeDuration().getSeconds() : 0;
    if (e.getMaxAgeNumBlocks() <= 0 || seconds <= 0) {
      return null;
    }
    return new EvidenceParams(e.getMaxAgeNumBlocks(), seconds);
  }

  private static io.zgnode.proto.tendermint.abci.ValidatorUpdate toProto(ValidatorUpdate u) {
    return io.zgnode.proto.tendermint.abci.ValidatorUpdate.newBuilder()
        .setPubKey(PublicKey.newBuilder().setEd25519(ByteString.copyFrom(u.pubKey().toArray())))
        .setPower(u.power())
        .build();
  }

  /** CometBFT's decided_last_commit as the slashing module reads it. */
  static List<VoteInfo> lastCommit(RequestFinalizeBlock request) {
    if (!request.hasDecidedLastCommit()) {
      return List.of();
    }
    List<VoteInfo> votes = new ArrayList<>(request.getDecidedLastCommit().getVotesCount());
    for (var v : request.getDecidedLastCommit().getVotesList()) {
      votes.add(
          new VoteInfo(
              ConsAddress.of(v.getValidator().getAddress().toByteArray()),
              v.getValidator().getPower(),
              BlockIdFlag.fromProto(v.getBlockIdFlagValue())));
    }
    return votes;
  }

  /** CometBFT's misbehavior list as the slashing module reads it. */
  static List<Misbehavior> misbehavior(RequestFinalizeBlock request) {
    List<Misbehavior> out = new ArrayList<>(request.getMisbehaviorCount());
    for (var m : request.getMisbehaviorList()) {
      out.add(
          new Misbehavior(
              MisbehaviorType.fromProto(m.getTypeValue()),
              ConsAddress.of(m.getValidator().getAddress().toByteArray()),
              m.getValidator().getPower(),
              m.getHeight(),
              m.getTime().getSeconds(),
              m.getTotalVotingPower()));
    }
    return out;
  }

  @Override
  public ResponseCheckTx checkTx(RequestCheckTx request) {
    CheckOutcome out =
        chain.checkTx(request.getTx().toByteArray(), request.getType() == CheckTxType.RECHECK);
    ResponseCheckTx.Builder b =
        ResponseCheckTx.newBuilder().setCode(out.code().code()).setGasWanted(out.gasWanted());
    if (!out.accepted()) {
      b.setLog(out.log()).setCodespace(TxCode.CODESPACE);
    } else {
      b.setData(ByteString.copyFrom(out.txHash().bytesUnsafe()));
    }
    return b.build();
  }

  @Override
  public ResponsePrepareProposal prepareProposal(RequestPrepareProposal request) {
    List<byte[]> txs = toArrays(request.getTxsList());
    List<byte[]> chosen = chain.prepareProposal(request.getHeight(), txs, request.getMaxTxBytes());
    ResponsePrepareProposal.Builder b = ResponsePrepareProposal.newBuilder();
    for (byte[] tx : chosen) {
      b.addTxs(ByteString.copyFrom(tx));
    }
    return b.build();
  }

  @Override
  public ResponseProcessProposal processProposal(RequestProcessProposal request) {
    boolean ok = chain.processProposal(request.getHeight(), toArrays(request.getTxsList()));
    return ResponseProcessProposal.newBuilder()
        .setStatus(
            ok
                ? ResponseProcessProposal.ProposalStatus.ACCEPT
                : ResponseProcessProposal.ProposalStatus.REJECT)
        .build();
  }

  @Override
  public ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request) {
    BlockInput block =
        new BlockInput(
            request.getHeight(),
            request.getTime().getSeconds(),
            request.getProposerAddress().toByteArray(),
            request.getHash().toByteArray(),
            toArrays(request.getTxsList()),
            lastCommit(request),
            misbehavior(request));
    BlockResult result = chain.finalizeBlock(block);
    ResponseFinalizeBlock.Builder b =
        ResponseFinalizeBlock.newBuilder()
            .setAppHash(ByteString.copyFrom(result.appHash().bytesUnsafe()));
    for (TxOutcome o : result.txResults()) {
      b.addTxResults(toExecTxResult(o));
    }
    for (ValidatorUpdate u : result.validatorUpdates()) {
      b.addValidatorUpdates(toProto(u));
    }
    return b.build();
  }

  @Override
  public ResponseCommit commit(RequestCommit request) {
    return ResponseCommit.newBuilder().setRetainHeight(chain.commit()).build();
  }

  @Override
  public ResponseQuery query(RequestQuery request) {
    QueryResult r =
        chain.query(request.getPath(), request.getData().toByteArray(), request.getHeight());
    ResponseQuery.Builder b =
        ResponseQuery.newBuilder()
            .setCode(r.code())
            .setHeight(r.height())
            .setKey(request.getData())
            .setValue(ByteString.copyFrom(r.value()));
    if (r.code() != 0) {
      b.setLog(r.log()).setCodespace(TxCode.CODESPACE);
    }
    return b.build();
  }

  @Override
  public void close() {
    chain.close();
  }

  private static ExecTxResult toExecTxResult(TxOutcome o) {
    ExecTxResult.Builder b =
        ExecTxResult.newBuilder()
            .setCode(o.code().code())
            .setData(ByteString.copyFrom(o.data()))
            .setGasWanted(o.gasWanted())
            .setGasUsed(o.gasUsed());
    if (!o.ok()) {
      b.setLog(o.log()).setCodespace(TxCode.CODESPACE);
    }
    for (TxEvent e : o.events()) {
      Event.Builder eb = Event.newBuilder().setType(e.type());
      for (TxEvent.Attribute a : e.attributes()) {
        eb.addAttributes(
            EventAttribute.newBuilder().setKey(a.key()).setValue(a.value()).setIndex(a.index()));
      }
      b.addEvents(eb);
    }
    return b.build();
  }

  private static List<byte[]> toArrays(List<ByteString> txs) {
    List<byte[]> out = new ArrayList<>(txs.size());
    for (ByteString t : txs) {
      out.add(t.toByteArray());
    }
    return out;
  }
}
