package io.zgnode.slashing.params;

/**
 * CometBFT's consensus parameters {@code evidence.max_age_num_blocks} and {@code
 * evidence.max_age_duration} (in seconds here). They belong to CometBFT's genesis, not to this
 * module's, so the chain passes them in with each block.
 */
public record EvidenceParams(long maxAgeNumBlocks, long maxAgeDurationSeconds) {
  /** CometBFT's defaults: 100,000 blocks and 48 hours. */
  public static final EvidenceParams DEFAULT = new EvidenceParams(100_000, 48 * 3600);

  public EvidenceParams {
    if (maxAgeNumBlocks <= 0) {
      throw new IllegalArgumentException(
          "evidence.max_age_num_blocks must be positive, got " + maxAgeNumBlocks);
    }
    if (maxAgeDurationSeconds <= 0) {
      throw new IllegalArgumentException(
          "evidence.max_age_duration must be positive, got " + maxAgeDurationSeconds + " s");
    }
  }

  /**
   * Whether evidence from {@code infractionHeight}/{@code infractionTime} is too old at the block
   * {@code height}/{@code time}: only when it exceeds BOTH limits, as CometBFT and the SDK's
   * evidence module decide.
   */
  public boolean isExpired(long infractionHeight, long infractionTime, long height, long time) {
    long ageBlocks = height - infractionHeight;
    long ageSeconds = time - infractionTime;
    return ageBlocks > maxAgeNumBlocks && ageSeconds > maxAgeDurationSeconds;
  }
}
