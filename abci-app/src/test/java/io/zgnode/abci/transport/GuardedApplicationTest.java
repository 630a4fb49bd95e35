package io.zgnode.abci.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.abci.AbciApplication;
import io.zgnode.proto.tendermint.abci.Request;
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
import io.zgnode.proto.tendermint.abci.Response;
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
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class GuardedApplicationTest {

  /** Every method fails with what the supplier makes. */
  private static class FailingApplication implements AbciApplication {
    private final Supplier<? extends RuntimeException> failure;

    FailingApplication(Supplier<? extends RuntimeException> failure) {
      this.failure = failure;
    }

    @Override
    public ResponseEcho echo(RequestEcho request) {
      throw failure.get();
    }

    @Override
    public ResponseFlush flush(RequestFlush request) {
      throw failure.get();
    }

    @Override
    public ResponseInfo info(RequestInfo request) {
      throw failure.get();
    }

    @Override
    public ResponseInitChain initChain(RequestInitChain request) {
      throw failure.get();
    }

    @Override
    public ResponseQuery query(RequestQuery request) {
      throw failure.get();
    }

    @Override
    public ResponseCheckTx checkTx(RequestCheckTx request) {
      throw failure.get();
    }

    @Override
    public ResponseCommit commit(RequestCommit request) {
      throw failure.get();
    }

    @Override
    public ResponseListSnapshots listSnapshots(RequestListSnapshots request) {
      throw failure.get();
    }

    @Override
    public ResponseOfferSnapshot offerSnapshot(RequestOfferSnapshot request) {
      throw failure.get();
    }

    @Override
    public ResponseLoadSnapshotChunk loadSnapshotChunk(RequestLoadSnapshotChunk request) {
      throw failure.get();
    }

    @Override
    public ResponseApplySnapshotChunk applySnapshotChunk(RequestApplySnapshotChunk request) {
      throw failure.get();
    }

    @Override
    public ResponsePrepareProposal prepareProposal(RequestPrepareProposal request) {
      throw failure.get();
    }

    @Override
    public ResponseProcessProposal processProposal(RequestProcessProposal request) {
      throw failure.get();
    }

    @Override
    public ResponseExtendVote extendVote(RequestExtendVote request) {
      throw failure.get();
    }

    @Override
    public ResponseVerifyVoteExtension verifyVoteExtension(RequestVerifyVoteExtension request) {
      throw failure.get();
    }

    @Override
    public ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request) {
      throw failure.get();
    }
  }

  /** One request of each method that has no error channel, with its ABCI name. */
  private static final List<Request> FATAL_REQUESTS =
      List.of(
          Request.newBuilder().setEcho(RequestEcho.getDefaultInstance()).build(),
          Request.newBuilder().setFlush(RequestFlush.getDefaultInstance()).build(),
          Request.newBuilder().setInfo(RequestInfo.getDefaultInstance()).build(),
          Request.newBuilder().setInitChain(RequestInitChain.getDefaultInstance()).build(),
          Request.newBuilder().setCommit(RequestCommit.getDefaultInstance()).build(),
          Request.newBuilder().setListSnapshots(RequestListSnapshots.getDefaultInstance()).build(),
          Request.newBuilder().setOfferSnapshot(RequestOfferSnapshot.getDefaultInstance()).build(),
          Request.newBuilder()
              .setLoadSnapshotChunk(RequestLoadSnapshotChunk.getDefaultInstance())
              .build(),
          Request.newBuilder()
              .setApplySnapshotChunk(RequestApplySnapshotChunk.getDefaultInstance())
              .build(),
          Request.newBuilder()
              .setPrepareProposal(RequestPrepareProposal.getDefaultInstance())
              .build(),
          Request.newBuilder().setExtendVote(RequestExtendVote.getDefaultInstance()).build(),
          Request.newBuilder()
              .setVerifyVoteExtension(RequestVerifyVoteExtension.getDefaultInstance())
              .build(),
          Request.newBuilder().setFinalizeBlock(RequestFinalizeBlock.getDefaultInstance()).build());

  private static final List<String> FATAL_NAMES =
      List.of(
          "Echo",
          "Flush",
          "Info",
          "InitChain",
          "Commit",
          "ListSnapshots",
          "OfferSnapshot",
          "LoadSnapshotChunk",
          "ApplySnapshotChunk",
          "PrepareProposal",
          "ExtendVote",
          "VerifyVoteExtension",
          "FinalizeBlock");

  @Test
  void methodsWithoutErrorChannelAreFatal() {
    for (int i = 0; i < FATAL_REQUESTS.size(); i++) {
      RecordingFatalHandler handler = new RecordingFatalHandler();
      RequestDispatcher dispatcher =
          new RequestDispatcher(
              new GuardedApplication(
                  new FailingApplication(() -> new IllegalStateException("broken")), handler));
      Request request = FATAL_REQUESTS.get(i);
      FatalAbciException e =
          assertThrows(FatalAbciException.class, () -> dispatcher.dispatch(request));
      String name = FATAL_NAMES.get(i);
      assertTrue(e.getMessage().contains(name), e.getMessage());
      assertEquals(1, handler.calls().size(), name);
      assertEquals(name, handler.calls().get(0).method());
      assertEquals("broken", handler.calls().get(0).cause().getMessage());
    }
  }

  @Test
  void methodsWithErrorChannelAnswerThroughIt() {
    RecordingFatalHandler handler = new RecordingFatalHandler();
    GuardedApplication guard =
        new GuardedApplication(
            new FailingApplication(() -> new IllegalArgumentException("bad input")), handler);
    ResponseCheckTx checkTx = guard.checkTx(RequestCheckTx.getDefaultInstance());
    assertEquals(GuardedApplication.INTERNAL_ERROR_CODE, checkTx.getCode());
    assertEquals(
        "internal error in CheckTx: IllegalArgumentException: bad input", checkTx.getLog());
    ResponseQuery query = guard.query(RequestQuery.getDefaultInstance());
    assertEquals(GuardedApplication.INTERNAL_ERROR_CODE, query.getCode());
    assertTrue(query.getLog().contains("bad input"));
    assertEquals(
        ResponseProcessProposal.ProposalStatus.REJECT,
        guard.processProposal(RequestProcessProposal.getDefaultInstance()).getStatus());
    assertEquals(List.of(), handler.calls());
  }

  @Test
  void stackOverflowInCheckTxIsAnErrorCodeButOutOfMemoryIsFatal() {
    RecordingFatalHandler handler = new RecordingFatalHandler();
    AbciApplication overflowing =
        new FailingApplication(() -> new IllegalStateException("unused")) {
          @Override
          public ResponseCheckTx checkTx(RequestCheckTx request) {
            throw new StackOverflowError();
          }
        };
    assertEquals(
        GuardedApplication.INTERNAL_ERROR_CODE,
        new GuardedApplication(overflowing, handler)
            .checkTx(RequestCheckTx.getDefaultInstance())
            .getCode());
    assertEquals(List.of(), handler.calls());

    AbciApplication exhausted =
        new FailingApplication(() -> new IllegalStateException("unused")) {
          @Override
          public ResponseCheckTx checkTx(RequestCheckTx request) {
            throw new OutOfMemoryError("simulated");
          }
        };
    GuardedApplication guard = new GuardedApplication(exhausted, handler);
    assertThrows(
        FatalAbciException.class, () -> guard.checkTx(RequestCheckTx.getDefaultInstance()));
    assertEquals("CheckTx", handler.calls().get(0).method());
    // Once halted, CheckTx still answers, through its error channel.
    assertTrue(guard.checkTx(RequestCheckTx.getDefaultInstance()).getLog().contains("halted"));
  }

  @Test
  void nullResponseCountsAsFailure() {
    RecordingFatalHandler handler = new RecordingFatalHandler();
    AbciApplication returnsNull =
        new FakeApplication() {
          @Override
          public ResponseInfo info(RequestInfo request) {
            return null;
          }

          @Override
          public ResponseCheckTx checkTx(RequestCheckTx request) {
            return null;
          }
        };
    GuardedApplication guard = new GuardedApplication(returnsNull, handler);
    ResponseCheckTx checkTx = guard.checkTx(RequestCheckTx.getDefaultInstance());
    assertTrue(checkTx.getLog().contains("returned null from CheckTx"), checkTx.getLog());
    assertThrows(FatalAbciException.class, () -> guard.info(RequestInfo.getDefaultInstance()));
    assertEquals("Info", handler.calls().get(0).method());
    assertTrue(handler.calls().get(0).cause().getMessage().contains("returned null from Info"));
  }

  @Test
  void aThrowingHandlerDoesNotHideTheFailure() {
    GuardedApplication guard =
        new GuardedApplication(
            new FailingApplication(() -> new IllegalStateException("broken")),
            (method, cause) -> {
              throw new IllegalStateException("handler broken too");
            });
    assertThrows(FatalAbciException.class, () -> guard.commit(RequestCommit.getDefaultInstance()));
    assertTrue(guard.halted());
  }

  @Test
  void defaultsAnswerNoSnapshotsAndAcceptEmptyExtensions() {
    AbciApplication app = new FakeApplication();
    assertEquals("x", app.echo(RequestEcho.newBuilder().setMessage("x").build()).getMessage());
    assertEquals(
        0, app.listSnapshots(RequestListSnapshots.getDefaultInstance()).getSnapshotsCount());
    assertEquals(
        ResponseOfferSnapshot.Result.ABORT,
        app.offerSnapshot(RequestOfferSnapshot.getDefaultInstance()).getResult());
    assertTrue(
        app.loadSnapshotChunk(RequestLoadSnapshotChunk.getDefaultInstance()).getChunk().isEmpty());
    assertEquals(
        ResponseApplySnapshotChunk.Result.ABORT,
        app.applySnapshotChunk(RequestApplySnapshotChunk.getDefaultInstance()).getResult());
    assertTrue(app.extendVote(RequestExtendVote.getDefaultInstance()).getVoteExtension().isEmpty());
    assertEquals(
        ResponseVerifyVoteExtension.VerifyStatus.ACCEPT,
        app.verifyVoteExtension(RequestVerifyVoteExtension.getDefaultInstance()).getStatus());
    Response flush =
        new RequestDispatcher(new GuardedApplication(app, new RecordingFatalHandler()))
            .dispatch(Request.newBuilder().setFlush(RequestFlush.getDefaultInstance()).build());
    assertEquals(Response.ValueCase.FLUSH, flush.getValueCase());
  }
}
