package io.zgnode.chain;

import java.util.List;

/** A decided block as the state machine sees it: height, consensus time and transactions. */
public record BlockInput(long height, long timestampSeconds, byte[] proposer, List<byte[]> txs) {}
