package io.zgnode.tools.devnet;

import java.math.BigInteger;

/** The fixed facts of {@code zgnode devnet}. */
public final class Devnet {
  /** EIP-155 chain id of the devnet (printed at start; it must not be a public network's id). */
  public static final long DEVNET_EVM_CHAIN_ID = 36767;

  public static final String CHAIN_ID = "zgnode-devnet";
  public static final String MONIKER = "devnet";
  public static final String DEFAULT_HOME = ".devnet";

  /** Shorter than the 1 s default so local tools see receipts quickly. */
  public static final String TIMEOUT_COMMIT = "500ms";

  /** Whole tokens given to each development account. */
  public static final long TOKENS_PER_ACCOUNT = 10_000;

  /** 10,000 tokens of 18 decimals, in the smallest unit. */
  public static final BigInteger BALANCE_PER_ACCOUNT =
      BigInteger.valueOf(TOKENS_PER_ACCOUNT).multiply(BigInteger.TEN.pow(18));

  private Devnet() {}
}
