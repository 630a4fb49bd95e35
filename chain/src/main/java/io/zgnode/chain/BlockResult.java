package io.zgnode.chain;

import io.zgnode.chain.exec.TxOutcome;
import io.zgnode.evm.types.Hash;
import java.util.List;

/** FinalizeBlock's answer: a result per transaction in block order, and the new app hash. */
public record BlockResult(long height, List<TxOutcome> txResults, long gasUsed, Hash appHash) {}
