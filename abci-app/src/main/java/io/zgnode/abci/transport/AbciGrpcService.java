package io.zgnode.abci.transport;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.zgnode.proto.tendermint.abci.ABCIGrpc;
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
import java.util.function.Supplier;

/**
 * The gRPC face of the guarded application. Methods with an error channel always complete normally;
 * a fatal failure becomes an INTERNAL status (CometBFT then stops, as it must).
 */
final class AbciGrpcService extends ABCIGrpc.ABCIImplBase {

  private final GuardedApplication app;

  AbciGrpcService(GuardedApplication app) {
    this.app = app;
  }

  private static <R> void answer(StreamObserver<R> observer, Supplier<R> call) {
    R response;
    try {
      response = call.get();
    } catch (FatalAbciException e) {
      observer.onError(Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  @Override
  public void echo(RequestEcho request, StreamObserver<ResponseEcho> observer) {
    answer(observer, () -> app.echo(request));
  }

  @Override
  public void flush(RequestFlush request, StreamObserver<ResponseFlush> observer) {
    answer(observer, () -> app.flush(request));
  }

  @Override
  public void info(RequestInfo request, StreamObserver<ResponseInfo> observer) {
    answer(observer, () -> app.info(request));
  }

  @Override
  public void checkTx(RequestCheckTx request, StreamObserver<ResponseCheckTx> observer) {
    answer(observer, () -> app.checkTx(request));
  }

  @Override
  public void query(RequestQuery request, StreamObserver<ResponseQuery> observer) {
    answer(observer, () -> app.query(request));
  }

  @Override
  public void commit(RequestCommit request, StreamObserver<ResponseCommit> observer) {
    answer(observer, () -> app.commit(request));
  }

  @Override
  public void initChain(RequestInitChain request, StreamObserver<ResponseInitChain> observer) {
    answer(observer, () -> app.initChain(request));
  }

  @Override
  public void listSnapshots(
      RequestListSnapshots request, StreamObserver<ResponseListSnapshots> observer) {
    answer(observer, () -> app.listSnapshots(request));
  }

  @Override
  public void offerSnapshot(
      RequestOfferSnapshot request, StreamObserver<ResponseOfferSnapshot> observer) {
    answer(observer, () -> app.offerSnapshot(request));
  }

  @Override
  public void loadSnapshotChunk(
      RequestLoadSnapshotChunk request, StreamObserver<ResponseLoadSnapshotChunk> observer) {
    answer(observer, () -> app.loadSnapshotChunk(request));
  }

  @Override
  public void applySnapshotChunk(
      RequestApplySnapshotChunk request, StreamObserver<ResponseApplySnapshotChunk> observer) {
    answer(observer, () -> app.applySnapshotChunk(request));
  }

  @Override
  public void prepareProposal(
      RequestPrepareProposal request, StreamObserver<ResponsePrepareProposal> observer) {
    answer(observer, () -> app.prepareProposal(request));
  }

  @Override
  public void processProposal(
      RequestProcessProposal request, StreamObserver<ResponseProcessProposal> observer) {
    answer(observer, () -> app.processProposal(request));
  }

  @Override
  public void extendVote(RequestExtendVote request, StreamObserver<ResponseExtendVote> observer) {
    answer(observer, () -> app.extendVote(request));
  }

  @Override
  public void verifyVoteExtension(
      RequestVerifyVoteExtension request, StreamObserver<ResponseVerifyVoteExtension> observer) {
    answer(observer, () -> app.verifyVoteExtension(request));
  }

  @Override
  public void finalizeBlock(
      RequestFinalizeBlock request, StreamObserver<ResponseFinalizeBlock> observer) {
    answer(observer, () -> app.finalizeBlock(request));
  }
}
