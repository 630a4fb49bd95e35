package io.zgnode.abci.node;

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
import java.nio.ByteBuffer;

/**
 * The smallest useful ABCI application, kept in memory: it accepts every transaction and its app
 * hash is the number of transactions committed so far, as 8 bytes big-endian.
 */
final class CounterApplication implements AbciApplication {

  private long committedHeight;
  private long committedTxs;
  private long pendingHeight;
  private long pendingTxs;
  private int infoCalls;

  static ByteString appHash(long txCount) {
    return ByteString.copyFrom(ByteBuffer.allocate(Long.BYTES).putLong(txCount).array());
  }

  synchronized long committedTxs() {
    return committedTxs;
  }

  synchronized int infoCalls() {
    return infoCalls;
  }

  @Override
  public synchronized ResponseInfo info(RequestInfo request) {
    infoCalls++;
    ResponseInfo.Builder info =
        ResponseInfo.newBuilder().setData("counter").setLastBlockHeight(committedHeight);
    if (committedHeight > 0) {
      info.setLastBlockAppHash(appHash(committedTxs));
    }
    return info.build();
  }

  @Override
  public synchronized ResponseInitChain initChain(RequestInitChain request) {
    return ResponseInitChain.newBuilder().setAppHash(appHash(0)).build();
  }

  @Override
  public synchronized ResponseQuery query(RequestQuery request) {
    return ResponseQuery.newBuilder()
        .setHeight(committedHeight)
        .setValue(appHash(committedTxs))
        .build();
  }

  @Override
  public ResponseCheckTx checkTx(RequestCheckTx request) {
    return ResponseCheckTx.newBuilder().setGasWanted(1).build();
  }

  @Override
  public ResponsePrepareProposal prepareProposal(RequestPrepareProposal request) {
    ResponsePrepareProposal.Builder proposal = ResponsePrepareProposal.newBuilder();
    long room = request.getMaxTxBytes();
    for (ByteString tx : request.getTxsList()) {
      if (tx.size() > room) {
        break;
      }
      proposal.addTxs(tx);
      room -= tx.size();
    }
    return proposal.build();
  }

  @Override
  public ResponseProcessProposal processProposal(RequestProcessProposal request) {
    return ResponseProcessProposal.newBuilder()
        .setStatus(ResponseProcessProposal.ProposalStatus.ACCEPT)
        .build();
  }

  @Override
  public synchronized ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request) {
    pendingHeight = request.getHeight();
    pendingTxs = committedTxs + request.getTxsCount();
    ResponseFinalizeBlock.Builder response = ResponseFinalizeBlock.newBuilder();
    for (int i = 0; i < request.getTxsCount(); i++) {
      response.addTxResults(ExecTxResult.newBuilder().setGasUsed(1));
    }
    return response.setAppHash(appHash(pendingTxs)).build();
  }

  @Override
  public synchronized ResponseCommit commit(RequestCommit request) {
    committedHeight = pendingHeight;
    committedTxs = pendingTxs;
    return ResponseCommit.getDefaultInstance();
  }
}
