package io.zgnode.slashing.staking;

import io.zgnode.evm.types.Address;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.staking.math.Dec;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The staking module as slashing sees it. Slashing decides who is punished and when; staking owns
 * the tokens, the shares, the unbonding and redelegation entries, and the validator set, so the
 * chain adapts the staking module to this interface. Every method is called from the block's single
 * thread, inside the same state transition as the slashing writes.
 */
public interface StakingView {
  /** The validator with this consensus address, if staking knows one. */
  Optional<ValidatorRef> byConsensusAddress(ConsAddress consAddress);

  /** The validator with this operator address, if staking knows one. */
  Optional<ValidatorRef> byOperator(Address operator);

  /**
   * Slashes {@code fraction} of the tokens the validator had at {@code infractionHeight}, derived
   * from {@code powerAtInfraction} (consensus power, as CometBFT reported it), from the validator
   * and from the unbonding and redelegation entries created after {@code infractionHeight} (those
   * created at or before it had left the stake that committed the fault, as the Cosmos SDK rules).
   *
   * @param infractionHeight the distribution height: the height whose stake signed the faulty vote;
   *     may be negative at the start of the chain
   * @param height the current block height
   * @param time the current block time, seconds
   * @return the amount burned, smallest unit
   */
  BigInteger slash(
      ConsAddress consAddress,
      long infractionHeight,
      long powerAtInfraction,
      Dec fraction,
      long height,
      long time);

  /** Jails the validator: staking removes it from the bonded set at the end of the block. */
  void jail(ConsAddress consAddress);

  /** Unjails the validator of {@code operator}; slashing has checked every precondition. */
  void unjail(Address operator);

  /**
   * The tokens of the operator's delegation to its own validator (its shares converted at the
   * current exchange rate, truncated), or empty when it has none.
   */
  Optional<BigInteger> selfDelegation(Address operator);
}
