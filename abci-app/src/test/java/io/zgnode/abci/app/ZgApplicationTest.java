package io.zgnode.abci.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.zgnode.chain.Chain;
import io.zgnode.chain.ChainOptions;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.proto.tendermint.abci.CheckTxType;
import io.zgnode.proto.tendermint.abci.RequestCheckTx;
import io.zgnode.proto.tendermint.abci.RequestCommit;
import io.zgnode.proto.tendermint.abci.RequestFinalizeBlock;
import io.zgnode.proto.tendermint.abci.RequestInfo;
import io.zgnode.proto.tendermint.abci.RequestInitChain;
import io.zgnode.proto.tendermint.abci.RequestPrepareProposal;
import io.zgnode.proto.tendermint.abci.RequestProcessProposal;
import io.zgnode.proto.tendermint.abci.RequestQuery;
import io.zgnode.proto.tendermint.abci.ResponseFinalizeBlock;
import io.zgnode.proto.tendermint.abci.ResponseInfo;
import io.zgnode.proto.tendermint.abci.ResponseProcessProposal;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protobuf translation: what CometBFT sends in and reads back. */
class ZgApplicationTest {
  private static final BigInteger KEY = BigInteger.valueOf(4242);
  private static final Address SENDER = Secp256k1.address(KEY);

  @Test
  void fullHeightThroughProtobuf() {
    try (ZgApplication app =
        new ZgApplication(
            new Chain(StateDatabase.inMemory(), TxDecoder.withDefaults(), false), "test")) {
      ResponseInfo info0 = app.info(RequestInfo.getDefaultInstance());
      assertEquals(0, info0.getLastBlockHeight());
      assertTrue(info0.getLastBlockAppHash().isEmpty());

      String appState = AppGenesis.devnet(36767, List.of(SENDER), BigInteger.TEN.pow(21)).toJson();
      var init =
          app.initChain(
              RequestInitChain.newBuilder()
                  .setChainId("zg-app")
                  .setInitialHeight(1)
                  .setAppStateBytes(ByteString.copyFromUtf8(appState))
                  .build());
      assertEquals(32, init.getAppHash().size());

      byte[] tx =
          TransactionBuilder.eip1559()
              .chainId(36767)
              .nonce(0)
              .maxPriorityFeePerGas(1_000_000_000L)
              .maxFeePerGas(2_000_000_000L)
              .gasLimit(21_000)
              .to(Address.fromLong(0xabc))
              .value(BigInteger.TEN)
              .sign(KEY)
              .encoded();
      var check =
          app.checkTx(
              RequestCheckTx.newBuilder()
                  .setTx(ByteString.copyFrom(tx))
                  .setType(CheckTxType.NEW)
                  .build());
      assertEquals(0, check.getCode(), check.getLog());
      assertEquals(21_000, check.getGasWanted());
      var bad =
          app.checkTx(RequestCheckTx.newBuilder().setTx(ByteString.copyFrom(new byte[3])).build());
      assertTrue(bad.getCode() != 0 && !bad.getLog().isEmpty());
      assertEquals("zgnode", bad.getCodespace());

      var prepared =
          app.prepareProposal(
              RequestPrepareProposal.newBuilder()
                  .setHeight(1)
                  .setMaxTxBytes(1 << 20)
                  .addTxs(ByteString.copyFrom(tx))
                  .addTxs(ByteString.copyFrom(new byte[3]))
                  .build());
      assertEquals(1, prepared.getTxsCount(), "garbage is not proposed");
      var process =
          app.processProposal(
              RequestProcessProposal.newBuilder()
                  .setHeight(1)
                  .addAllTxs(prepared.getTxsList())
                  .build());
      assertEquals(ResponseProcessProposal.ProposalStatus.ACCEPT, process.getStatus());

      ResponseFinalizeBlock fin =
          app.finalizeBlock(
              RequestFinalizeBlock.newBuilder()
                  .setHeight(1)
                  .setTime(Timestamp.newBuilder().setSeconds(1_800_000_000L))
                  .addAllTxs(prepared.getTxsList())
                  .build());
      assertEquals(1, fin.getTxResultsCount());
      assertEquals(0, fin.getTxResults(0).getCode(), fin.getTxResults(0).getLog());
      assertEquals(21_000, fin.getTxResults(0).getGasUsed());
      assertEquals(32, fin.getAppHash().size());
      assertEquals(0, app.info(RequestInfo.getDefaultInstance()).getLastBlockHeight());
      app.commit(RequestCommit.getDefaultInstance());
      ResponseInfo info1 = app.info(RequestInfo.getDefaultInstance());
      assertEquals(1, info1.getLastBlockHeight());
      assertEquals(fin.getAppHash(), info1.getLastBlockAppHash());

      var q =
          app.query(
              RequestQuery.newBuilder()
                  .setPath("/evm/account")
                  .setData(ByteString.copyFrom(SENDER.toArray()))
                  .build());
      assertEquals(0, q.getCode(), q.getLog());
      String json = q.getValue().toString(StandardCharsets.UTF_8);
      assertTrue(json.contains("\"nonce\":1"), json);
      var unknown = app.query(RequestQuery.newBuilder().setPath("/nope").build());
      assertTrue(unknown.getCode() != 0 && unknown.getLog().contains("unknown query path"));
    }
  }

  private static byte[] transfer(long nonce, long value) {
    return TransactionBuilder.eip1559()
        .chainId(36767)
        .nonce(nonce)
        .maxPriorityFeePerGas(1_000_000_000L)
        .maxFeePerGas(2_000_000_000L)
        .gasLimit(21_000)
        .to(Address.fromLong(0xabc))
        .value(BigInteger.valueOf(value))
        .sign(KEY)
        .encoded();
  }

  private static RequestCheckTx check(byte[] tx, CheckTxType type) {
    return RequestCheckTx.newBuilder().setTx(ByteString.copyFrom(tx)).setType(type).build();
  }

  @Test
  void checkTxTypeAndGenesisTimeReachTheChain(@TempDir Path home) {
    try (ZgApplication app = ZgApplication.open(home, "test", new ChainOptions(false, 5))) {
      assertEquals(5, app.chain().options().retainHeights());
      String appState = AppGenesis.devnet(36767, List.of(SENDER), BigInteger.TEN.pow(21)).toJson();
      app.initChain(
          RequestInitChain.newBuilder()
              .setChainId("zg-app")
              .setInitialHeight(1)
              .setTime(Timestamp.newBuilder().setSeconds(1_750_000_000L))
              .setAppStateBytes(ByteString.copyFromUtf8(appState))
              .build());
      assertEquals(1_750_000_000L, app.chain().header(0).orElseThrow().timestamp());

      byte[] first = transfer(0, 1);
      assertEquals(0, app.checkTx(check(first, CheckTxType.NEW)).getCode());
      assertTrue(app.chain().pendingPool().byHash(Hash.keccak(first)).isPresent());

      // Another transaction with nonce 0 is decided; CometBFT then rechecks the first one.
      byte[] other = transfer(0, 2);
      app.finalizeBlock(
          RequestFinalizeBlock.newBuilder()
              .setHeight(1)
              .setTime(Timestamp.newBuilder().setSeconds(1_750_000_001L))
              .addTxs(ByteString.copyFrom(other))
              .build());
      app.commit(RequestCommit.getDefaultInstance());
      assertTrue(app.chain().pendingPool().byHash(Hash.keccak(first)).isPresent());
      var recheck = app.checkTx(check(first, CheckTxType.RECHECK));
      assertTrue(recheck.getLog().startsWith("nonce too low"), recheck.getLog());
      assertTrue(
          app.chain().pendingPool().byHash(Hash.keccak(first)).isEmpty(),
          "a refused recheck leaves the pool");
      assertEquals(
          app.chain().header(0).orElseThrow().hash(),
          app.chain().header(1).orElseThrow().parentHash());
    }
    try (ZgApplication app = ZgApplication.open(home, "test")) {
      assertEquals(1, app.info(RequestInfo.getDefaultInstance()).getLastBlockHeight());
      assertEquals(0, app.chain().options().retainHeights(), "DEFAULT: archive");
      assertEquals(1_750_000_000L, app.chain().header(0).orElseThrow().timestamp());
    }
  }
}
