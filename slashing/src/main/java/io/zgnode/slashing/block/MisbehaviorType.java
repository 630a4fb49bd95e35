package io.zgnode.slashing.block;

/** CometBFT's MisbehaviorType. Both known kinds are punished as equivocation, as in the SDK. */
public enum MisbehaviorType {
  UNKNOWN,
  DUPLICATE_VOTE,
  LIGHT_CLIENT_ATTACK;

  /** The type with CometBFT's protobuf number; numbers this code does not know map to UNKNOWN. */
  public static MisbehaviorType fromProto(int number) {
    return switch (number) {
      case 1 -> DUPLICATE_VOTE;
      case 2 -> LIGHT_CLIENT_ATTACK;
      default -> UNKNOWN;
    };
  }
}
