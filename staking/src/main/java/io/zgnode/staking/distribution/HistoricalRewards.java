package io.zgnode.staking.distribution;

import io.zgnode.staking.math.Dec;

/**
 * The cumulative reward per token at the end of a period, and how many delegations and slash events
 * still refer to it (deleted at zero, which keeps the history bounded).
 */
public record HistoricalRewards(Dec cumulativeRatio, long referenceCount) {}
