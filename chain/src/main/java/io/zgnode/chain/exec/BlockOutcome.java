package io.zgnode.chain.exec;

import java.util.List;

/** The results of a block's transactions, in block order, and the gas they used in total. */
public record BlockOutcome(List<TxOutcome> results, long gasUsed) {}
