package io.zgnode.chain;

/**
 * ABCI result codes of the {@value #CODESPACE} codespace. Zero is success; every rejection has its
 * own code so clients can tell them apart without parsing the log, and the log carries geth's
 * wording (which ethers, viem and Foundry parse).
 */
public enum TxCode {
  OK(0),
  DECODE(1),
  INVALID_SIGNATURE(2),
  WRONG_CHAIN_ID(3),
  NONCE_TOO_LOW(4),
  NONCE_TOO_HIGH(5),
  INSUFFICIENT_FUNDS(6),
  INTRINSIC_GAS(7),
  UNDERPRICED(8),
  FEE_CAP_BELOW_BASE_FEE(9),
  EXCEEDS_BLOCK_GAS_LIMIT(10),
  OVERSIZED(11),
  TYPE_NOT_SUPPORTED(12),
  NOT_REPLAY_PROTECTED(13),
  INVALID_TRANSACTION(14),
  EXECUTION_FAILED(15),
  /**
   * A second transaction for a nonce already taken by one in the mempool (a wallet's speed-up or
   * cancel): CometBFT's mempool cannot replace a transaction, so the new one is refused.
   */
  REPLACEMENT_UNDERPRICED(16),
  /** The same transaction (same hash) is already in the mempool. */
  ALREADY_KNOWN(17),
  INTERNAL(99);

  public static final String CODESPACE = "zgnode";

  private final int code;

  TxCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
