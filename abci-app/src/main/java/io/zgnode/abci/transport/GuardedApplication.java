package io.zgnode.abci.transport;

import io.zgnode.abci.AbciApplication;
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
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies the error policy between a transport and the application, the same for both transports.
 *
 * <p>CheckTx, Query and ProcessProposal have an error channel in their response and use it: a
 * throwing application gives a non-zero code (with the message in {@code log}) or REJECT, never a
 * transport error, because CometBFT stops the whole process on a failed CheckTx call. Every other
 * method fails fatally: the {@link FatalErrorHandler} is called once and the guard is halted, after
 * which fatal methods refuse to run at all, so no connection can answer from a broken application.
 */
final class GuardedApplication {

  /** The code CheckTx and Query answer when the application itself failed (like Cosmos SDK's). */
  static final int INTERNAL_ERROR_CODE = 1;

  private static final System.Logger LOG = System.getLogger(GuardedApplication.class.getName());

  private final AbciApplication app;
  private final FatalErrorHandler onFatal;
  private final AtomicReference<String> haltedBy = new AtomicReference<>();

  GuardedApplication(AbciApplication app, FatalErrorHandler onFatal) {
    this.app = Objects.requireNonNull(app, "app");
    this.onFatal = Objects.requireNonNull(onFatal, "onFatal");
  }

  /** Whether a fatal failure has happened; once true it stays true. */
  boolean halted() {
    return haltedBy.get() != null;
  }

  ResponseEcho echo(RequestEcho request) {
    return fatalOnError(AbciMethod.ECHO, () -> app.echo(request));
  }

  ResponseFlush flush(RequestFlush request) {
    return fatalOnError(AbciMethod.FLUSH, () -> app.flush(request));
  }

  ResponseInfo info(RequestInfo request) {
    return fatalOnError(AbciMethod.INFO, () -> app.info(request));
  }

  ResponseInitChain initChain(RequestInitChain request) {
    return fatalOnError(AbciMethod.INIT_CHAIN, () -> app.initChain(request));
  }

  ResponseQuery query(RequestQuery request) {
    return recoverOnError(
        AbciMethod.QUERY,
        () -> app.query(request),
        log -> ResponseQuery.newBuilder().setCode(INTERNAL_ERROR_CODE).setLog(log).build());
  }

  ResponseCheckTx checkTx(RequestCheckTx request) {
    return recoverOnError(
        AbciMethod.CHECK_TX,
        () -> app.checkTx(request),
        log -> ResponseCheckTx.newBuilder().setCode(INTERNAL_ERROR_CODE).setLog(log).build());
  }

  ResponseCommit commit(RequestCommit request) {
    return fatalOnError(AbciMethod.COMMIT, () -> app.commit(request));
  }

  ResponseListSnapshots listSnapshots(RequestListSnapshots request) {
    return fatalOnError(AbciMethod.LIST_SNAPSHOTS, () -> app.listSnapshots(request));
  }

  ResponseOfferSnapshot offerSnapshot(RequestOfferSnapshot request) {
    return fatalOnError(AbciMethod.OFFER_SNAPSHOT, () -> app.offerSnapshot(request));
  }

  ResponseLoadSnapshotChunk loadSnapshotChunk(RequestLoadSnapshotChunk request) {
    return fatalOnError(AbciMethod.LOAD_SNAPSHOT_CHUNK, () -> app.loadSnapshotChunk(request));
  }

  ResponseApplySnapshotChunk applySnapshotChunk(RequestApplySnapshotChunk request) {
    return fatalOnError(AbciMethod.APPLY_SNAPSHOT_CHUNK, () -> app.applySnapshotChunk(request));
  }

  ResponsePrepareProposal prepareProposal(RequestPrepareProposal request) {
    return fatalOnError(AbciMethod.PREPARE_PROPOSAL, () -> app.prepareProposal(request));
  }

  ResponseProcessProposal processProposal(RequestProcessProposal request) {
    // REJECT is a legitimate, deterministic-enough answer for "cannot judge this proposal"; the
    // proposal then fails this round and consensus moves on.
    return recoverOnError(
        AbciMethod.PROCESS_PROPOSAL,
        () -> app.processProposal(request),
        log ->
            ResponseProcessProposal.newBuilder()
                .setStatus(ResponseProcessProposal.ProposalStatus.REJECT)
                .build());
  }

  ResponseExtendVote extendVote(RequestExtendVote request) {
    return fatalOnError(AbciMethod.EXTEND_VOTE, () -> app.extendVote(request));
  }

  ResponseVerifyVoteExtension verifyVoteExtension(RequestVerifyVoteExtension request) {
    return fatalOnError(AbciMethod.VERIFY_VOTE_EXTENSION, () -> app.verifyVoteExtension(request));
  }

  ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request) {
    return fatalOnError(AbciMethod.FINALIZE_BLOCK, () -> app.finalizeBlock(request));
  }

  private <R> R fatalOnError(AbciMethod method, Supplier<R> call) {
    String firstFailure = haltedBy.get();
    if (firstFailure != null) {
      throw new FatalAbciException(
          "refusing ABCI " + method + ": the node halted after a fatal error in " + firstFailure,
          null);
    }
    R response;
    try {
      response = call.get();
    } catch (Throwable t) {
      throw fatal(method, t);
    }
    if (response == null) {
      throw fatal(method, nullResponse(method));
    }
    return response;
  }

  private <R> R recoverOnError(AbciMethod method, Supplier<R> call, Function<String, R> answer) {
    String firstFailure = haltedBy.get();
    if (firstFailure != null) {
      return answer.apply("node halted after a fatal error in ABCI " + firstFailure);
    }
    Throwable failure;
    try {
      R response = call.get();
      if (response != null) {
        return response;
      }
      failure = nullResponse(method);
    } catch (StackOverflowError e) {
      // A deeply nested input can overflow the stack; that says nothing about the node's health.
      failure = e;
    } catch (VirtualMachineError e) {
      throw fatal(method, e);
    } catch (Throwable t) {
      failure = t;
    }
    LOG.log(Level.WARNING, "ABCI " + method + " threw; answering it as an error", failure);
    return answer.apply("internal error in " + method + ": " + describe(failure));
  }

  private FatalAbciException fatal(AbciMethod method, Throwable cause) {
    if (haltedBy.compareAndSet(null, method.abciName())) {
      LOG.log(
          Level.ERROR,
          "ABCI "
              + method
              + " failed and has no error channel; the node must stop rather than answer wrongly",
          cause);
      try {
        onFatal.onFatalError(method.abciName(), cause);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "the fatal error handler itself failed", e);
      }
    }
    return new FatalAbciException("fatal error in ABCI " + method + ": " + describe(cause), cause);
  }

  private static IllegalStateException nullResponse(AbciMethod method) {
    return new IllegalStateException("the application returned null from " + method);
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + message;
  }
}
