package io.zgnode.abci.transport;

import io.zgnode.proto.tendermint.abci.Request;
import io.zgnode.proto.tendermint.abci.Response;
import io.zgnode.proto.tendermint.abci.ResponseException;

/** Routes a socket-protocol {@link Request} envelope to the guarded application. */
final class RequestDispatcher {

  private final GuardedApplication app;

  RequestDispatcher(GuardedApplication app) {
    this.app = app;
  }

  /**
   * Answers one request.
   *
   * @throws FatalAbciException when a method without an error channel failed; the connection must
   *     then stop answering
   */
  Response dispatch(Request request) {
    Response.Builder response = Response.newBuilder();
    switch (request.getValueCase()) {
      case ECHO -> response.setEcho(app.echo(request.getEcho()));
      case FLUSH -> response.setFlush(app.flush(request.getFlush()));
      case INFO -> response.setInfo(app.info(request.getInfo()));
      case INIT_CHAIN -> response.setInitChain(app.initChain(request.getInitChain()));
      case QUERY -> response.setQuery(app.query(request.getQuery()));
      case CHECK_TX -> response.setCheckTx(app.checkTx(request.getCheckTx()));
      case COMMIT -> response.setCommit(app.commit(request.getCommit()));
      case LIST_SNAPSHOTS ->
          response.setListSnapshots(app.listSnapshots(request.getListSnapshots()));
      case OFFER_SNAPSHOT ->
          response.setOfferSnapshot(app.offerSnapshot(request.getOfferSnapshot()));
      case LOAD_SNAPSHOT_CHUNK ->
          response.setLoadSnapshotChunk(app.loadSnapshotChunk(request.getLoadSnapshotChunk()));
      case APPLY_SNAPSHOT_CHUNK ->
          response.setApplySnapshotChunk(app.applySnapshotChunk(request.getApplySnapshotChunk()));
      case PREPARE_PROPOSAL ->
          response.setPrepareProposal(app.prepareProposal(request.getPrepareProposal()));
      case PROCESS_PROPOSAL ->
          response.setProcessProposal(app.processProposal(request.getProcessProposal()));
      case EXTEND_VOTE -> response.setExtendVote(app.extendVote(request.getExtendVote()));
      case VERIFY_VOTE_EXTENSION ->
          response.setVerifyVoteExtension(
              app.verifyVoteExtension(request.getVerifyVoteExtension()));
      case FINALIZE_BLOCK ->
          response.setFinalizeBlock(app.finalizeBlock(request.getFinalizeBlock()));
      case VALUE_NOT_SET ->
          // An empty envelope, or a method this version does not know (unknown fields are dropped).
          response.setException(
              ResponseException.newBuilder()
                  .setError("unknown or empty ABCI request: no known method is set"));
    }
    return response.build();
  }
}
