package io.zgnode.abci;

import io.zgnode.proto.tendermint.abci.RequestApplySnapshotChunk;
import io.zgnode.proto.tendermint.abci.RequestCheckTx;
import io.zgnode.proto.tendermint.abci.RequestCommit;
import io.zgnode.proto.tendermint.abci.RequestEcho;
import io.zgnode.proto.tendermint.abci.RequestExtendVote;
import io.zgnode.proto.tendermint.abci.RequestFinalizeBlock;
import io.zgnode.proto.tendermint.abci.RequestFlush;
import io.zgnode.proto.tendermint.abci.RequestInfo;
import io.zgnode.proto.tendermint.abci.RequestInitChain;
import io.zgnode.proto.tendermint.abci.RequestListSnapshots;
import io.zgnode.proto.tendermint.abci.RequestLoadSnapshotChunk;
import io.zgnode.proto.tendermint.abci.RequestOfferSnapshot;
import io.zgnode.proto.tendermint.abci.RequestPrepareProposal;
import io.zgnode.proto.tendermint.abci.RequestProcessProposal;
import io.zgnode.proto.tendermint.abci.RequestQuery;
import io.zgnode.proto.tendermint.abci.RequestVerifyVoteExtension;
import io.zgnode.proto.tendermint.abci.ResponseApplySnapshotChunk;
import io.zgnode.proto.tendermint.abci.ResponseCheckTx;
import io.zgnode.proto.tendermint.abci.ResponseCommit;
import io.zgnode.proto.tendermint.abci.ResponseEcho;
import io.zgnode.proto.tendermint.abci.ResponseExtendVote;
import io.zgnode.proto.tendermint.abci.ResponseFinalizeBlock;
import io.zgnode.proto.tendermint.abci.ResponseFlush;
import io.zgnode.proto.tendermint.abci.ResponseInfo;
import io.zgnode.proto.tendermint.abci.ResponseInitChain;
import io.zgnode.proto.tendermint.abci.ResponseListSnapshots;
import io.zgnode.proto.tendermint.abci.ResponseLoadSnapshotChunk;
import io.zgnode.proto.tendermint.abci.ResponseOfferSnapshot;
import io.zgnode.proto.tendermint.abci.ResponsePrepareProposal;
import io.zgnode.proto.tendermint.abci.ResponseProcessProposal;
import io.zgnode.proto.tendermint.abci.ResponseQuery;
import io.zgnode.proto.tendermint.abci.ResponseVerifyVoteExtension;

/**
 * An ABCI 2.0 application as CometBFT v0.38 drives it: one method per ABCI method, taking the wire
 * request and returning the wire response.
 *
 * <p>Threading: CometBFT opens four connections (consensus, mempool, query, snapshot) and the
 * transports call these methods from one thread per connection (socket) or from a pool (gRPC), so
 * calls arrive concurrently and the implementation must be thread-safe. The socket transport
 * answers each connection strictly in order; the transports never serialize calls across
 * connections on the application's behalf.
 *
 * <p>Errors: a method should not throw. If it does, the transport applies the error policy of that
 * method: CheckTx and Query answer a non-zero code with the message in {@code log}, ProcessProposal
 * answers REJECT, and every other method is treated as fatal (the node's {@code FatalErrorHandler}
 * is called and nothing further is answered), because a method without an error channel must stop
 * the node rather than answer wrongly. Returning {@code null} counts as throwing.
 */
public interface AbciApplication {

  /** Liveness probe; CometBFT's gRPC client repeats it until it is answered. */
  default ResponseEcho echo(RequestEcho request) {
    return ResponseEcho.newBuilder().setMessage(request.getMessage()).build();
  }

  /** Called when CometBFT asks the transport to flush; nothing to do for most applications. */
  default ResponseFlush flush(RequestFlush request) {
    return ResponseFlush.getDefaultInstance();
  }

  /** The last height whose Commit finished and its app hash; height 0 makes CometBFT InitChain. */
  ResponseInfo info(RequestInfo request);

  ResponseInitChain initChain(RequestInitChain request);

  ResponseQuery query(RequestQuery request);

  /** Must be cheap: it runs again for every mempool transaction after each Commit (RECHECK). */
  ResponseCheckTx checkTx(RequestCheckTx request);

  /** Persists the state produced by the last FinalizeBlock, atomically, before returning. */
  ResponseCommit commit(RequestCommit request);

  /** Default: this application offers no state-sync snapshots. */
  default ResponseListSnapshots listSnapshots(RequestListSnapshots request) {
    return ResponseListSnapshots.getDefaultInstance();
  }

  /** Default: state sync is not supported, so restoration is aborted. */
  default ResponseOfferSnapshot offerSnapshot(RequestOfferSnapshot request) {
    return ResponseOfferSnapshot.newBuilder().setResult(ResponseOfferSnapshot.Result.ABORT).build();
  }

  /** Default: there are no snapshots, so no chunk is ever served. */
  default ResponseLoadSnapshotChunk loadSnapshotChunk(RequestLoadSnapshotChunk request) {
    return ResponseLoadSnapshotChunk.getDefaultInstance();
  }

  /** Default: state sync is not supported, so restoration is aborted. */
  default ResponseApplySnapshotChunk applySnapshotChunk(RequestApplySnapshotChunk request) {
    return ResponseApplySnapshotChunk.newBuilder()
        .setResult(ResponseApplySnapshotChunk.Result.ABORT)
        .build();
  }

  /** May reorder and drop transactions; the total size must fit {@code max_tx_bytes}. */
  ResponsePrepareProposal prepareProposal(RequestPrepareProposal request);

  /** Deterministic ACCEPT or REJECT (never UNKNOWN), without touching committed state. */
  ResponseProcessProposal processProposal(RequestProcessProposal request);

  /** Default: no vote extension. */
  default ResponseExtendVote extendVote(RequestExtendVote request) {
    return ResponseExtendVote.getDefaultInstance();
  }

  /** Default: every (empty) vote extension is accepted. */
  default ResponseVerifyVoteExtension verifyVoteExtension(RequestVerifyVoteExtension request) {
    return ResponseVerifyVoteExtension.newBuilder()
        .setStatus(ResponseVerifyVoteExtension.VerifyStatus.ACCEPT)
        .build();
  }

  /** Executes a decided block without persisting anything; persisting belongs to Commit. */
  ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request);
}
