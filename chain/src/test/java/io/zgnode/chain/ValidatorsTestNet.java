package io.zgnode.chain;

import io.zgnode.chain.validators.ValidatorModules;
import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisValidator;
import io.zgnode.genesis.SlashingSection;
import io.zgnode.genesis.StakingSection;
import io.zgnode.slashing.block.BlockIdFlag;
import io.zgnode.slashing.block.VoteInfo;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.staking.validator.ConsensusKey;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A genesis with four staking validators (operators {@link TestKeys#address} 0..3, stakes 10, 20,
 * 30 and 40 tokens) and a slashing window of 10 blocks, and helpers to drive blocks with votes.
 */
final class ValidatorsTestNet {
  static final long[] STAKES = {10, 20, 30, 40};
  static final long WINDOW = 10;
  static final long T0 = 1_700_000_000L;

  private ValidatorsTestNet() {}

  static byte[] consensusKey(int i) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(("validator-" + i).getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ConsAddress consAddress(int i) {
    return ConsAddress.of(ConsensusKey.ed25519(consensusKey(i)).address());
  }

  static BigInteger tokens(long n) {
    return TestKeys.ETH.multiply(BigInteger.valueOf(n));
  }

  /** Accounts 0..5 funded with 100 tokens; 0..3 operate the validators. */
  static AppGenesis genesis() {
    List<Address> funded = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      funded.add(TestKeys.address(i));
    }
    List<GenesisValidator> vals = new ArrayList<>();
    for (int i = 0; i < STAKES.length; i++) {
      vals.add(
          GenesisValidator.of(TestKeys.address(i), consensusKey(i), tokens(STAKES[i]), "node" + i));
    }
    return AppGenesis.devnet(TestKeys.CHAIN_ID, funded, tokens(100))
        .withValidators(
            new StakingSection(Map.of(), vals),
            new SlashingSection(Map.of("signed_blocks_window", Long.toString(WINDOW))));
  }

  /** The last commit of block {@code height}: every validator signed except {@code absent}. */
  static List<VoteInfo> votes(long height, int... absent) {
    if (height <= 1) {
      return List.of();
    }
    List<VoteInfo> out = new ArrayList<>();
    for (int i = 0; i < STAKES.length; i++) {
      boolean missing = false;
      for (int a : absent) {
        missing |= a == i;
      }
      out.add(
          new VoteInfo(
              consAddress(i), STAKES[i], missing ? BlockIdFlag.ABSENT : BlockIdFlag.COMMIT));
    }
    return out;
  }

  /** Read-only use of the committed staking and slashing state (a throwaway overlay). */
  static ValidatorModules committed(StateDatabase db) {
    return new ValidatorModules(db.newUpdater(), db.newModuleUpdater());
  }
}
