package io.zgnode.abci.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.zgnode.chain.Chain;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.chain.validators.ValidatorModules;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisValidator;
import io.zgnode.genesis.SlashingSection;
import io.zgnode.genesis.StakingSection;
import io.zgnode.proto.tendermint.abci.CommitInfo;
import io.zgnode.proto.tendermint.abci.Misbehavior;
import io.zgnode.proto.tendermint.abci.MisbehaviorType;
import io.zgnode.proto.tendermint.abci.RequestCommit;
import io.zgnode.proto.tendermint.abci.RequestFinalizeBlock;
import io.zgnode.proto.tendermint.abci.RequestInitChain;
import io.zgnode.proto.tendermint.abci.ResponseFinalizeBlock;
import io.zgnode.proto.tendermint.abci.ResponseInitChain;
import io.zgnode.proto.tendermint.abci.Validator;
import io.zgnode.proto.tendermint.abci.ValidatorUpdate;
import io.zgnode.proto.tendermint.abci.VoteInfo;
import io.zgnode.proto.tendermint.types.BlockIDFlag;
import io.zgnode.proto.tendermint.types.ConsensusParams;
import io.zgnode.proto.tendermint.types.EvidenceParams;
import io.zgnode.staking.validator.ConsensusKey;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Validator sets, votes and evidence through the protobuf messages. */
class ZgApplicationValidatorsTest {
  private static final BigInteger TOKEN = BigInteger.TEN.pow(18);
  private static final long[] STAKES = {10, 20, 30, 40};
  private static final long T0 = 1_700_000_000L;

  private static byte[] pubKey(int i) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(("abci-validator-" + i).getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] address(int i) {
    return ConsensusKey.ed25519(pubKey(i)).address();
  }

  private static Address operator(int i) {
    return Secp256k1.address(BigInteger.valueOf(777L + i));
  }

  private static String appState() {
    List<Address> funded = new ArrayList<>();
    List<GenesisValidator> vals = new ArrayList<>();
    for (int i = 0; i < STAKES.length; i++) {
      funded.add(operator(i));
      vals.add(
          GenesisValidator.of(
              operator(i), pubKey(i), TOKEN.multiply(BigInteger.valueOf(STAKES[i])), "v" + i));
    }
    return AppGenesis.devnet(36767, funded, TOKEN.multiply(BigInteger.valueOf(100)))
        .withValidators(
            new StakingSection(Map.of(), vals),
            new SlashingSection(Map.of("signed_blocks_window", "10")))
        .toJson();
  }

  private static Map<ByteString, Long> powers(List<ValidatorUpdate> updates) {
    Map<ByteString, Long> m = new TreeMap<>(ByteString.unsignedLexicographicalComparator());
    for (ValidatorUpdate u : updates) {
      assertTrue(u.getPubKey().hasEd25519(), "ed25519 keys only");
      m.put(u.getPubKey().getEd25519(), u.getPower());
    }
    return m;
  }

  private static CommitInfo commit(long height) {
    CommitInfo.Builder c = CommitInfo.newBuilder();
    if (height > 1) {
      for (int i = 0; i < STAKES.length; i++) {
        c.addVotes(
            VoteInfo.newBuilder()
                .setValidator(
                    Validator.newBuilder()
                        .setAddress(ByteString.copyFrom(address(i)))
                        .setPower(STAKES[i]))
                .setBlockIdFlag(BlockIDFlag.BLOCK_ID_FLAG_COMMIT));
      }
    }
    return c.build();
  }

  @Test
  void initChainReturnsTheStakingSetAndFinalizeBlockItsUpdates() {
    StateDatabase db = StateDatabase.inMemory();
    try (ZgApplication app =
        new ZgApplication(new Chain(db, TxDecoder.withDefaults(), false), "test")) {
      ResponseInitChain init =
          app.initChain(
              RequestInitChain.newBuilder()
                  .setChainId("zg-app")
                  .setInitialHeight(1)
                  .setTime(Timestamp.newBuilder().setSeconds(T0))
                  .setConsensusParams(
                      ConsensusParams.newBuilder()
                          .setEvidence(
                              EvidenceParams.newBuilder()
                                  .setMaxAgeNumBlocks(500)
                                  .setMaxAgeDuration(Duration.newBuilder().setSeconds(3600))))
                  .setAppStateBytes(ByteString.copyFromUtf8(appState()))
                  .build());
      Map<ByteString, Long> expected =
          new TreeMap<>(ByteString.unsignedLexicographicalComparator());
      for (int i = 0; i < STAKES.length; i++) {
        expected.put(ByteString.copyFrom(pubKey(i)), STAKES[i]);
      }
      assertEquals(expected, powers(init.getValidatorsList()));
      for (long h = 1; h <= 2; h++) {
        ResponseFinalizeBlock fin = finalize(app, h, List.of());
        assertEquals(0, fin.getValidatorUpdatesCount());
      }
      assertEquals(
          new io.zgnode.slashing.params.EvidenceParams(500, 3600),
          ValidatorModules.evidenceParams(db.newModuleUpdater()),
          "the genesis consensus params' evidence limits");
      Misbehavior doubleSign =
          Misbehavior.newBuilder()
              .setType(MisbehaviorType.DUPLICATE_VOTE)
              .setValidator(
                  Validator.newBuilder().setAddress(ByteString.copyFrom(address(1))).setPower(20))
              .setHeight(2)
              .setTime(Timestamp.newBuilder().setSeconds(T0 + 2))
              .setTotalVotingPower(100)
              .build();
      ResponseFinalizeBlock fin = finalize(app, 3, List.of(doubleSign));
      assertEquals(
          Map.of(ByteString.copyFrom(pubKey(1)), 0L), powers(fin.getValidatorUpdatesList()));
    }
  }

  private static ResponseFinalizeBlock finalize(ZgApplication app, long h, List<Misbehavior> ev) {
    ResponseFinalizeBlock fin =
        app.finalizeBlock(
            RequestFinalizeBlock.newBuilder()
                .setHeight(h)
                .setTime(Timestamp.newBuilder().setSeconds(T0 + h))
                .setDecidedLastCommit(commit(h))
                .addAllMisbehavior(ev)
                .build());
    app.commit(RequestCommit.getDefaultInstance());
    return fin;
  }

  @Test
  void withoutStakingValidatorsCometBftKeepsItsSet() {
    try (ZgApplication app =
        new ZgApplication(
            new Chain(StateDatabase.inMemory(), TxDecoder.withDefaults(), false), "test")) {
      String appState = AppGenesis.devnet(36767, List.of(operator(0)), TOKEN).toJson();
      ResponseInitChain init =
          app.initChain(
              RequestInitChain.newBuilder()
                  .setChainId("zg-app")
                  .setInitialHeight(1)
                  .setAppStateBytes(ByteString.copyFromUtf8(appState))
                  .build());
      assertEquals(0, init.getValidatorsCount());
      assertEquals(0, finalize(app, 1, List.of()).getValidatorUpdatesCount());
      assertEquals(0, finalize(app, 2, List.of()).getValidatorUpdatesCount());
    }
  }
}
