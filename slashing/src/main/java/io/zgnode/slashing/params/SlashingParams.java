package io.zgnode.slashing.params;

import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.staking.math.Dec;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The slashing module's genesis parameters (the Cosmos SDK's x/slashing Params). Construction
 * validates every field, so an instance is always usable.
 *
 * @param signedBlocksWindow the liveness window, in blocks
 * @param minSignedPerWindow the fraction of the window a validator must sign, in [0, 1]
 * @param downtimeJailDurationSeconds how long a downtime jail lasts
 * @param slashFractionDoubleSign the fraction of stake slashed for a double sign, in [0, 1]
 * @param slashFractionDowntime the fraction of stake slashed for downtime, in [0, 1]
 */
public record SlashingParams(
    long signedBlocksWindow,
    Dec minSignedPerWindow,
    long downtimeJailDurationSeconds,
    Dec slashFractionDoubleSign,
    Dec slashFractionDowntime) {

  /** Window 100, 50% signed, 600 s jail, 5% for a double sign, 0.01% for downtime. */
  public static final SlashingParams DEFAULT =
      new SlashingParams(100, Dec.parse("0.5"), 600, Dec.parse("0.05"), Dec.parse("0.0001"));

  private static final int VERSION = 1;

  public SlashingParams {
    if (signedBlocksWindow <= 0) {
      throw new IllegalArgumentException(
          "slashing.signed_blocks_window must be positive, got " + signedBlocksWindow);
    }
    requireFraction(minSignedPerWindow, "slashing.min_signed_per_window");
    if (downtimeJailDurationSeconds <= 0) {
      throw new IllegalArgumentException(
          "slashing.downtime_jail_duration must be positive, got "
              + downtimeJailDurationSeconds
              + " s");
    }
    requireFraction(slashFractionDoubleSign, "slashing.slash_fraction_double_sign");
    requireFraction(slashFractionDowntime, "slashing.slash_fraction_downtime");
  }

  /**
   * The number of blocks of the window a validator must sign: {@code minSignedPerWindow * window}
   * rounded half to even, as the SDK's {@code MinSignedPerWindowInt}.
   */
  public long minSignedPerWindowInt() {
    return minSignedPerWindow
        .mulInt(BigInteger.valueOf(signedBlocksWindow))
        .roundInt()
        .longValueExact();
  }

  /** The most blocks of a window a validator may miss without being jailed. */
  public long maxMissedPerWindow() {
    return signedBlocksWindow - minSignedPerWindowInt();
  }

  public byte[] encode() {
    return new RlpWriter(96)
        .startList()
        .writeLong(VERSION)
        .writeLong(signedBlocksWindow)
        .writeBigInteger(minSignedPerWindow.raw())
        .writeLong(downtimeJailDurationSeconds)
        .writeBigInteger(slashFractionDoubleSign.raw())
        .writeBigInteger(slashFractionDowntime.raw())
        .endList()
        .toByteArray();
  }

  /**
   * Decodes {@link #encode()}'s output.
   *
   * @throws IllegalStateException when the bytes are not valid params
   */
  public static SlashingParams decode(byte[] encoded) {
    try {
      RlpReader r = RlpReader.ofSingleItem(encoded).readList();
      long version = r.readLong("slashing params version");
      if (version != VERSION) {
        throw new IllegalStateException("slashing params have unknown version " + version);
      }
      SlashingParams p =
          new SlashingParams(
              r.readLong("signed_blocks_window"),
              Dec.ofRaw(r.readBigInteger(32, "min_signed_per_window")),
              r.readLong("downtime_jail_duration"),
              Dec.ofRaw(r.readBigInteger(32, "slash_fraction_double_sign")),
              Dec.ofRaw(r.readBigInteger(32, "slash_fraction_downtime")));
      r.requireEnd("slashing params");
      return p;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("corrupt slashing params: " + e.getMessage(), e);
    }
  }

  private static void requireFraction(Dec d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.gt(Dec.ONE)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + d);
    }
  }
}
