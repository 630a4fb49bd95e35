package io.zgnode.proto.tendermint.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.zgnode.proto.tendermint.crypto.PublicKey;
import io.zgnode.proto.tendermint.types.ABCIParams;
import io.zgnode.proto.tendermint.types.BlockIDFlag;
import io.zgnode.proto.tendermint.types.BlockParams;
import io.zgnode.proto.tendermint.types.ConsensusParams;
import io.zgnode.proto.tendermint.types.EvidenceParams;
import io.zgnode.proto.tendermint.types.ValidatorParams;
import io.zgnode.proto.tendermint.types.VersionParams;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards the wire contract with CometBFT v0.38.26.
 *
 * <p>The expected hex strings were produced once by marshalling the same values with CometBFT's own
 * Go types (github.com/cometbft/cometbft@v0.38.26, abci/types and proto/tendermint/...). Go always
 * writes its non-nullable sub-messages, so the Java side sets those explicitly to get identical
 * bytes. A renumbered or retyped field changes the bytes and fails here.
 */
class WireCompatibilityTest {

  private static final HexFormat HEX = HexFormat.of();

  private static final Timestamp T1 =
      Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5).build();
  private static final Timestamp T2 = Timestamp.newBuilder().setSeconds(1).build();

  private static final Event EVENT =
      Event.newBuilder()
          .setType("e")
          .addAttributes(EventAttribute.newBuilder().setKey("k").setValue("v").setIndex(true))
          .build();

  private static ByteString bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return ByteString.copyFrom(out);
  }

  private static Validator validator(int address, long power) {
    return Validator.newBuilder().setAddress(bytes(address)).setPower(power).build();
  }

  private static void assertWire(String goHex, Message javaMessage) throws Exception {
    assertEquals(goHex, HEX.formatHex(javaMessage.toByteArray()), "encoding of Java message");
    Message parsed = javaMessage.getParserForType().parseFrom(HEX.parseHex(goHex));
    assertEquals(javaMessage, parsed, "decoding of CometBFT's bytes");
  }

  @Test
  void requestFinalizeBlockMatchesCometBft() throws Exception {
    RequestFinalizeBlock request =
        RequestFinalizeBlock.newBuilder()
            .addTxs(bytes(0x01))
            .addTxs(bytes(0x02, 0x03))
            .setDecidedLastCommit(
                CommitInfo.newBuilder()
                    .setRound(1)
                    .addVotes(
                        VoteInfo.newBuilder()
                            .setValidator(
                                Validator.newBuilder().setAddress(bytes(0x0a, 0x0b)).setPower(10))
                            .setBlockIdFlag(BlockIDFlag.BLOCK_ID_FLAG_COMMIT)))
            .addMisbehavior(
                Misbehavior.newBuilder()
                    .setType(MisbehaviorType.DUPLICATE_VOTE)
                    .setValidator(validator(0x33, 1))
                    .setHeight(3)
                    .setTime(T2)
                    .setTotalVotingPower(100))
            .setHash(bytes(0xff))
            .setHeight(7)
            .setTime(T1)
            .setNextValidatorsHash(bytes(0x11))
            .setProposerAddress(bytes(0x22))
            .build();
    assertWire(
        "0a01010a020203120e0801120a0a060a020a0b180a18021a11080112050a0133180118032202080128642201ff"
            + "280732080880e2cfaa0610053a0111420122",
        request);
  }

  @Test
  void responseFinalizeBlockMatchesCometBft() throws Exception {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    ResponseFinalizeBlock response =
        ResponseFinalizeBlock.newBuilder()
            .addEvents(EVENT)
            .addTxResults(
                ExecTxResult.newBuilder()
                    .setCode(1)
                    .setData(bytes(0x01))
                    .setLog("l")
                    .setInfo("i")
                    .setGasWanted(2)
                    .setGasUsed(3)
                    .addEvents(EVENT)
                    .setCodespace("c"))
            .addValidatorUpdates(
                ValidatorUpdate.newBuilder()
                    .setPubKey(PublicKey.newBuilder().setEd25519(ByteString.copyFrom(key)))
                    .setPower(5))
            .setConsensusParamUpdates(
                ConsensusParams.newBuilder()
                    .setBlock(BlockParams.newBuilder().setMaxBytes(1).setMaxGas(-1))
                    .setEvidence(
                        EvidenceParams.newBuilder()
                            .setMaxAgeNumBlocks(2)
                            .setMaxAgeDuration(Duration.newBuilder().setSeconds(3))
                            .setMaxBytes(4))
                    .setValidator(ValidatorParams.newBuilder().addPubKeyTypes("ed25519"))
                    .setVersion(VersionParams.newBuilder().setApp(1))
                    .setAbci(ABCIParams.newBuilder().setVoteExtensionsEnableHeight(9)))
            .setAppHash(bytes(0x01, 0x02))
            .build();
    assertWire(
        "0a0d0a016512080a016b1201761801122108011201011a016c220169280230033a0d0a016512080a016b120176"
            + "18014201631a260a220a20000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
            + "1005222c0a0d080110ffffffffffffffffff01120808021202080318041a090a0765643235353139220208"
            + "012a0208092a020102",
        response);
  }

  @Test
  void checkTxMatchesCometBft() throws Exception {
    assertWire(
        "0a04deadbeef1001",
        RequestCheckTx.newBuilder()
            .setTx(bytes(0xde, 0xad, 0xbe, 0xef))
            .setType(CheckTxType.RECHECK)
            .build());
    assertWire(
        "08051201091a09626164206e6f6e63652201692888a40130a09c013a0d0a016512080a016b1201761801420365"
            + "766d",
        ResponseCheckTx.newBuilder()
            .setCode(5)
            .setData(bytes(0x09))
            .setLog("bad nonce")
            .setInfo("i")
            .setGasWanted(21_000)
            .setGasUsed(20_000)
            .addEvents(EVENT)
            .setCodespace("evm")
            .build());
  }

  @Test
  void infoCommitAndProcessProposalMatchCometBft() throws Exception {
    assertWire(
        "0a067a676e6f64651205302e312e301801202a2a02aabb",
        ResponseInfo.newBuilder()
            .setData("zgnode")
            .setVersion("0.1.0")
            .setAppVersion(1)
            .setLastBlockHeight(42)
            .setLastBlockAppHash(bytes(0xaa, 0xbb))
            .build());
    assertWire("180a", ResponseCommit.newBuilder().setRetainHeight(10).build());
    assertWire(
        "0802",
        ResponseProcessProposal.newBuilder()
            .setStatus(ResponseProcessProposal.ProposalStatus.REJECT)
            .build());
  }

  @Test
  void initChainMatchesCometBft() throws Exception {
    assertWire(
        "0a080880e2cfaa0610051204"
            + "7a672d31"
            + "1a120a10088080c00a10ffffffffffffffffff01"
            + "22080a040a020102100a2a027b7d3001",
        RequestInitChain.newBuilder()
            .setTime(T1)
            .setChainId("zg-1")
            .setConsensusParams(
                ConsensusParams.newBuilder()
                    .setBlock(BlockParams.newBuilder().setMaxBytes(22_020_096).setMaxGas(-1)))
            .addValidators(
                ValidatorUpdate.newBuilder()
                    .setPubKey(PublicKey.newBuilder().setEd25519(bytes(1, 2)))
                    .setPower(10))
            .setAppStateBytes(ByteString.copyFromUtf8("{}"))
            .setInitialHeight(1)
            .build());
  }

  @Test
  void prepareProposalMatchesCometBft() throws Exception {
    assertWire(
        "088080401201051a130802120f0a050a014418071a015522016628032211080212050a01331801180322020801"
            + "28642808"
            + "32080880e2cfaa0610053a0111420122",
        RequestPrepareProposal.newBuilder()
            .setMaxTxBytes(1_048_576)
            .addTxs(bytes(0x05))
            .setLocalLastCommit(
                ExtendedCommitInfo.newBuilder()
                    .setRound(2)
                    .addVotes(
                        ExtendedVoteInfo.newBuilder()
                            .setValidator(validator(0x44, 7))
                            .setVoteExtension(bytes(0x55))
                            .setExtensionSignature(bytes(0x66))
                            .setBlockIdFlag(BlockIDFlag.BLOCK_ID_FLAG_NIL)))
            .addMisbehavior(
                Misbehavior.newBuilder()
                    .setType(MisbehaviorType.LIGHT_CLIENT_ATTACK)
                    .setValidator(validator(0x33, 1))
                    .setHeight(3)
                    .setTime(T2)
                    .setTotalVotingPower(100))
            .setHeight(8)
            .setTime(T1)
            .setNextValidatorsHash(bytes(0x11))
            .setProposerAddress(bytes(0x22))
            .build());
  }

  @Test
  void socketEnvelopesMatchCometBft() throws Exception {
    assertWire("1200", Request.newBuilder().setFlush(RequestFlush.getDefaultInstance()).build());
    assertWire(
        "0a040a026869",
        Request.newBuilder().setEcho(RequestEcho.newBuilder().setMessage("hi")).build());
    assertWire(
        "42030a0101",
        Request.newBuilder().setCheckTx(RequestCheckTx.newBuilder().setTx(bytes(0x01))).build());
    assertWire(
        "a201081200280132020801",
        Request.newBuilder()
            .setFinalizeBlock(
                RequestFinalizeBlock.newBuilder()
                    .setDecidedLastCommit(CommitInfo.getDefaultInstance())
                    .setHeight(1)
                    .setTime(T2))
            .build());
    assertWire(
        "4a020801",
        Response.newBuilder().setCheckTx(ResponseCheckTx.newBuilder().setCode(1)).build());
    assertWire(
        "62021801",
        Response.newBuilder().setCommit(ResponseCommit.newBuilder().setRetainHeight(1)).build());
    assertWire("1a00", Response.newBuilder().setFlush(ResponseFlush.getDefaultInstance()).build());
    assertWire(
        "0a060a04626f6f6d",
        Response.newBuilder()
            .setException(ResponseException.newBuilder().setError("boom"))
            .build());
    assertWire(
        "aa01032a0101",
        Response.newBuilder()
            .setFinalizeBlock(ResponseFinalizeBlock.newBuilder().setAppHash(bytes(0x01)))
            .build());
  }

  /** Field table of the upstream .proto: name, number, type. */
  private record Field(String name, int number, Type type) {}

  private static void assertFields(Descriptor message, List<Field> expected) {
    assertEquals(
        expected.size(), message.getFields().size(), message.getFullName() + " field count");
    for (Field field : expected) {
      FieldDescriptor actual = message.findFieldByName(field.name());
      assertNotNull(actual, message.getFullName() + " lacks " + field.name());
      assertEquals(field.number(), actual.getNumber(), message.getFullName() + "." + field.name());
      assertEquals(field.type(), actual.getType(), message.getFullName() + "." + field.name());
    }
  }

  @Test
  void fieldTablesMatchUpstream() {
    assertFields(
        RequestFinalizeBlock.getDescriptor(),
        List.of(
            new Field("txs", 1, Type.BYTES),
            new Field("decided_last_commit", 2, Type.MESSAGE),
            new Field("misbehavior", 3, Type.MESSAGE),
            new Field("hash", 4, Type.BYTES),
            new Field("height", 5, Type.INT64),
            new Field("time", 6, Type.MESSAGE),
            new Field("next_validators_hash", 7, Type.BYTES),
            new Field("proposer_address", 8, Type.BYTES)));
    assertFields(
        ResponseFinalizeBlock.getDescriptor(),
        List.of(
            new Field("events", 1, Type.MESSAGE),
            new Field("tx_results", 2, Type.MESSAGE),
            new Field("validator_updates", 3, Type.MESSAGE),
            new Field("consensus_param_updates", 4, Type.MESSAGE),
            new Field("app_hash", 5, Type.BYTES)));
    List<Field> txResult =
        List.of(
            new Field("code", 1, Type.UINT32),
            new Field("data", 2, Type.BYTES),
            new Field("log", 3, Type.STRING),
            new Field("info", 4, Type.STRING),
            new Field("gas_wanted", 5, Type.INT64),
            new Field("gas_used", 6, Type.INT64),
            new Field("events", 7, Type.MESSAGE),
            new Field("codespace", 8, Type.STRING));
    assertFields(ExecTxResult.getDescriptor(), txResult);
    assertFields(ResponseCheckTx.getDescriptor(), txResult);
    assertFields(
        RequestCheckTx.getDescriptor(),
        List.of(new Field("tx", 1, Type.BYTES), new Field("type", 2, Type.ENUM)));
    assertFields(
        ResponseInfo.getDescriptor(),
        List.of(
            new Field("data", 1, Type.STRING),
            new Field("version", 2, Type.STRING),
            new Field("app_version", 3, Type.UINT64),
            new Field("last_block_height", 4, Type.INT64),
            new Field("last_block_app_hash", 5, Type.BYTES)));
    assertFields(
        ResponseCommit.getDescriptor(), List.of(new Field("retain_height", 3, Type.INT64)));
    assertFields(
        VoteInfo.getDescriptor(),
        List.of(new Field("validator", 1, Type.MESSAGE), new Field("block_id_flag", 3, Type.ENUM)));
  }

  @Test
  void envelopeOneofNumbersMatchUpstream() {
    String[] requests = {
      "echo:1",
      "flush:2",
      "info:3",
      "init_chain:5",
      "query:6",
      "check_tx:8",
      "commit:11",
      "list_snapshots:12",
      "offer_snapshot:13",
      "load_snapshot_chunk:14",
      "apply_snapshot_chunk:15",
      "prepare_proposal:16",
      "process_proposal:17",
      "extend_vote:18",
      "verify_vote_extension:19",
      "finalize_block:20"
    };
    String[] responses = {
      "exception:1",
      "echo:2",
      "flush:3",
      "info:4",
      "init_chain:6",
      "query:7",
      "check_tx:9",
      "commit:12",
      "list_snapshots:13",
      "offer_snapshot:14",
      "load_snapshot_chunk:15",
      "apply_snapshot_chunk:16",
      "prepare_proposal:17",
      "process_proposal:18",
      "extend_vote:19",
      "verify_vote_extension:20",
      "finalize_block:21"
    };
    assertOneof(Request.getDescriptor(), requests);
    assertOneof(Response.getDescriptor(), responses);
  }

  private static void assertOneof(Descriptor envelope, String[] expected) {
    assertEquals(1, envelope.getOneofs().size());
    assertEquals(expected.length, envelope.getOneofs().get(0).getFieldCount());
    for (String entry : expected) {
      String[] parts = entry.split(":");
      FieldDescriptor field = envelope.findFieldByName(parts[0]);
      assertNotNull(field, envelope.getFullName() + " lacks " + parts[0]);
      assertEquals(Integer.parseInt(parts[1]), field.getNumber(), entry);
    }
  }

  @Test
  void enumNumbersMatchUpstream() {
    assertEnum(CheckTxType.getDescriptor(), "NEW", "RECHECK");
    assertEnum(MisbehaviorType.getDescriptor(), "UNKNOWN", "DUPLICATE_VOTE", "LIGHT_CLIENT_ATTACK");
    assertEnum(
        BlockIDFlag.getDescriptor(),
        "BLOCK_ID_FLAG_UNKNOWN",
        "BLOCK_ID_FLAG_ABSENT",
        "BLOCK_ID_FLAG_COMMIT",
        "BLOCK_ID_FLAG_NIL");
    assertEnum(
        ResponseOfferSnapshot.Result.getDescriptor(),
        "UNKNOWN",
        "ACCEPT",
        "ABORT",
        "REJECT",
        "REJECT_FORMAT",
        "REJECT_SENDER");
    assertEnum(
        ResponseApplySnapshotChunk.Result.getDescriptor(),
        "UNKNOWN",
        "ACCEPT",
        "ABORT",
        "RETRY",
        "RETRY_SNAPSHOT",
        "REJECT_SNAPSHOT");
    assertEnum(
        ResponseProcessProposal.ProposalStatus.getDescriptor(), "UNKNOWN", "ACCEPT", "REJECT");
    assertEnum(
        ResponseVerifyVoteExtension.VerifyStatus.getDescriptor(), "UNKNOWN", "ACCEPT", "REJECT");
  }

  /** Upstream enums number their values 0, 1, 2, ... in declaration order. */
  private static void assertEnum(EnumDescriptor descriptor, String... names) {
    assertEquals(names.length, descriptor.getValues().size(), descriptor.getFullName());
    for (int i = 0; i < names.length; i++) {
      var value = descriptor.findValueByName(names[i]);
      assertNotNull(value, descriptor.getFullName() + " lacks " + names[i]);
      assertEquals(i, value.getNumber(), names[i]);
    }
  }

  @Test
  void grpcMethodPathsUseTheV038ServiceName() {
    assertEquals("tendermint.abci.ABCI", ABCIGrpc.SERVICE_NAME);
    assertEquals(
        "tendermint.abci.ABCI/FinalizeBlock",
        ABCIGrpc.getFinalizeBlockMethod().getFullMethodName());
    assertEquals("tendermint.abci.ABCI/CheckTx", ABCIGrpc.getCheckTxMethod().getFullMethodName());
    assertEquals(
        16, ABCIGrpc.getServiceDescriptor().getMethods().size(), "one RPC per ABCI 2.0 method");
    assertEquals("tendermint.abci", AbciProto.getDescriptor().getPackage());
  }
}
