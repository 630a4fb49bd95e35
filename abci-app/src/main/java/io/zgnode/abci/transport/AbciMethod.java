package io.zgnode.abci.transport;

/** The ABCI 2.0 methods, named as in the spec and on the gRPC service. */
enum AbciMethod {
  ECHO("Echo"),
  FLUSH("Flush"),
  INFO("Info"),
  INIT_CHAIN("InitChain"),
  QUERY("Query"),
  CHECK_TX("CheckTx"),
  COMMIT("Commit"),
  LIST_SNAPSHOTS("ListSnapshots"),
  OFFER_SNAPSHOT("OfferSnapshot"),
  LOAD_SNAPSHOT_CHUNK("LoadSnapshotChunk"),
  APPLY_SNAPSHOT_CHUNK("ApplySnapshotChunk"),
  PREPARE_PROPOSAL("PrepareProposal"),
  PROCESS_PROPOSAL("ProcessProposal"),
  EXTEND_VOTE("ExtendVote"),
  VERIFY_VOTE_EXTENSION("VerifyVoteExtension"),
  FINALIZE_BLOCK("FinalizeBlock");

  private final String abciName;

  AbciMethod(String abciName) {
    this.abciName = abciName;
  }

  String abciName() {
    return abciName;
  }

  @Override
  public String toString() {
    return abciName;
  }
}
