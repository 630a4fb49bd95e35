package io.zgnode.chain.exec;

import io.zgnode.chain.receipt.Receipt;
import java.util.List;

/**
 * The results of a block's transactions in block order, the gas they used in total, and the
 * receipts of those that were included (executed, successfully or not).
 */
public record BlockOutcome(List<TxOutcome> results, long gasUsed, List<Receipt> receipts) {}
