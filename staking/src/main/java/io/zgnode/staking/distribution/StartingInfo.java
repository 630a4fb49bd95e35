package io.zgnode.staking.distribution;

import io.zgnode.staking.math.Dec;

/**
 * Where a delegation's reward accounting starts: the period before it, its stake in tokens then,
 * and the block height.
 */
public record StartingInfo(long previousPeriod, Dec stake, long height) {}
