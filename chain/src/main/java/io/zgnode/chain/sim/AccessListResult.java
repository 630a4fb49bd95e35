package io.zgnode.chain.sim;

import io.zgnode.evm.tx.AccessListEntry;
import java.util.List;

/**
 * eth_createAccessList's answer: the list, the gas the call used with it, and the VM error of that
 * last run ("execution reverted", ...), or null.
 */
public record AccessListResult(List<AccessListEntry> accessList, long gasUsed, String error) {
  public AccessListResult {
    accessList = List.copyOf(accessList);
  }
}
