package io.zgnode.chain.sim;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.tx.AccessListEntry;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects the accounts and storage slots a call touches, as geth's access-list tracer does: slots
 * of SLOAD/SSTORE (for any account, the sender and recipient included), the accounts named by
 * BALANCE, EXTCODE*, SELFDESTRUCT and the CALL family, except the excluded ones (sender, recipient,
 * precompiles). Sorted, so the answer does not depend on execution order.
 */
public final class AccessListTracer implements Tracer {
  private final Set<Address> excluded;
  private final TreeMap<Address, TreeSet<Hash>> list = new TreeMap<>();

  public AccessListTracer(List<AccessListEntry> initial, Set<Address> excluded) {
    this.excluded = Set.copyOf(excluded);
    for (AccessListEntry e : initial) {
      addAddress(e.address());
      for (Hash key : e.storageKeys()) {
        addSlot(e.address(), key);
      }
    }
  }

  @Override
  public void onInstruction(MessageFrame frame, int pc, int opcode, long gas) {
    OperandStack stack = frame.stack();
    int n = stack.size();
    switch (opcode) {
      case 0x54, 0x55 -> { // SLOAD, SSTORE
        if (n >= 1) {
          addSlot(frame.recipient(), Hash.wrapOwned(stack.bytesAt(0)));
        }
      }
      case 0x31,
          0x3b,
          0x3c,
          0x3f,
          0xff -> { // BALANCE, EXTCODESIZE, EXTCODECOPY, EXTCODEHASH, SELFDESTRUCT
        if (n >= 1) {
          addAddress(address(stack.bytesAt(0)));
        }
      }
      case 0xf1, 0xf2, 0xf4, 0xfa -> { // CALL, CALLCODE, DELEGATECALL, STATICCALL
        if (n >= 5) {
          addAddress(address(stack.bytesAt(1)));
        }
      }
      default -> {}
    }
  }

  private static Address address(byte[] word) {
    return Address.wrap(Arrays.copyOfRange(word, 12, 32));
  }

  private void addAddress(Address a) {
    if (!excluded.contains(a)) {
      list.computeIfAbsent(a, k -> new TreeSet<>());
    }
  }

  private void addSlot(Address a, Hash slot) {
    list.computeIfAbsent(a, k -> new TreeSet<>()).add(slot);
  }

  /** The list collected so far, by address, slots in order. */
  public List<AccessListEntry> accessList() {
    List<AccessListEntry> out = new ArrayList<>(list.size());
    for (Map.Entry<Address, TreeSet<Hash>> e : list.entrySet()) {
      out.add(new AccessListEntry(e.getKey(), new ArrayList<>(e.getValue())));
    }
    return out;
  }

  /** Whether both tracers collected the same accounts and slots. */
  public boolean sameAs(AccessListTracer other) {
    return list.equals(other.list);
  }
}
