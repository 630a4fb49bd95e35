package io.zgnode.abci.transport;

import com.google.protobuf.ByteString;
import io.zgnode.abci.AbciApplication;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-test application with scripted failures: a transaction starting with 0xFF makes CheckTx and
 * ProcessProposal throw, the query path "/boom" makes Query throw, and FinalizeBlock throws at
 * {@link #FATAL_HEIGHT}. Otherwise it accepts everything and counts transactions.
 */
class FakeApplication implements AbciApplication {

  static final long FATAL_HEIGHT = 666;
  static final byte POISON = (byte) 0xFF;

  private final AtomicLong finalizedTxs = new AtomicLong();
  private final AtomicLong committedHeight = new AtomicLong();

  private static boolean poisoned(ByteString tx) {
    return !tx.isEmpty() && tx.byteAt(0) == POISON;
  }

  @Override
  public ResponseInfo info(RequestInfo request) {
    return ResponseInfo.newBuilder()
        .setData("fake")
        .setVersion(request.getVersion())
        .setLastBlockHeight(committedHeight.get())
        .build();
  }

  @Override
  public ResponseInitChain initChain(RequestInitChain request) {
    return ResponseInitChain.getDefaultInstance();
  }

  @Override
  public ResponseQuery query(RequestQuery request) {
    if (request.getPath().equals("/boom")) {
      throw new IllegalStateException("boom in query");
    }
    return ResponseQuery.newBuilder().setValue(request.getData()).build();
  }

  @Override
  public ResponseCheckTx checkTx(RequestCheckTx request) {
    if (poisoned(request.getTx())) {
      throw new IllegalStateException("boom in checkTx");
    }
    return ResponseCheckTx.newBuilder().setGasWanted(request.getTx().size()).build();
  }

  @Override
  public ResponseCommit commit(RequestCommit request) {
    committedHeight.incrementAndGet();
    return ResponseCommit.getDefaultInstance();
  }

  @Override
  public ResponsePrepareProposal prepareProposal(RequestPrepareProposal request) {
    return ResponsePrepareProposal.newBuilder().addAllTxs(request.getTxsList()).build();
  }

  @Override
  public ResponseProcessProposal processProposal(RequestProcessProposal request) {
    if (request.getTxsList().stream().anyMatch(FakeApplication::poisoned)) {
      throw new IllegalStateException("boom in processProposal");
    }
    return ResponseProcessProposal.newBuilder()
        .setStatus(ResponseProcessProposal.ProposalStatus.ACCEPT)
        .build();
  }

  @Override
  public ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request) {
    if (request.getHeight() == FATAL_HEIGHT) {
      throw new IllegalStateException("boom in finalizeBlock");
    }
    ResponseFinalizeBlock.Builder response = ResponseFinalizeBlock.newBuilder();
    for (ByteString tx : request.getTxsList()) {
      response.addTxResults(ExecTxResult.newBuilder().setGasUsed(tx.size()));
    }
    long total = finalizedTxs.addAndGet(request.getTxsCount());
    return response.setAppHash(ByteString.copyFromUtf8(Long.toString(total))).build();
  }
}
