package io.zgnode.slashing.block;

/**
 * How a validator's precommit appears in a commit (CometBFT's BlockIDFlag). Only {@link #ABSENT}
 * counts as a missed block: a nil precommit is a signature, as in the Cosmos SDK.
 */
public enum BlockIdFlag {
  /** No precommit from this validator made it into the commit. */
  ABSENT,
  /** A precommit for the committed block. */
  COMMIT,
  /** A precommit for nil. */
  NIL;

  /** The flag with CometBFT's protobuf number (1 absent, 2 commit, 3 nil). */
  public static BlockIdFlag fromProto(int number) {
    return switch (number) {
      case 1 -> ABSENT;
      case 2 -> COMMIT;
      case 3 -> NIL;
      default ->
          throw new IllegalArgumentException(
              "unknown BlockIDFlag " + number + " (expected 1 absent, 2 commit or 3 nil)");
    };
  }
}
