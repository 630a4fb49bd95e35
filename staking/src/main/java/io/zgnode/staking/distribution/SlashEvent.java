package io.zgnode.staking.distribution;

import io.zgnode.staking.math.Dec;

/** A slash of a validator: the period it ended and the fraction of stake it took. */
public record SlashEvent(long validatorPeriod, Dec fraction) {}
