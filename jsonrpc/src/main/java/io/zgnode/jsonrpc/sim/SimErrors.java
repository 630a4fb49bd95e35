package io.zgnode.jsonrpc.sim;

import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.chain.PrunedHeightException;
import io.zgnode.chain.sim.SimulationException;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.state.trie.MissingTrieNodeException;

/** Turns simulation failures and the chain's read exceptions into geth's JSON-RPC errors. */
public final class SimErrors {
  private SimErrors() {}

  /** Something that simulates and may fail with the chain's exceptions. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws SimulationException, RpcException;
  }

  /**
   * Runs {@code work}, answering a pruned height with its message and a simulation failure with its
   * code (a revert as code 3 with its data).
   */
  public static <T> T guard(Work<T> work) throws RpcException {
    try {
      return work.run();
    } catch (SimulationException e) {
      throw toRpc(e);
    } catch (PrunedHeightException e) {
      throw RpcException.rejected(e.getMessage());
    } catch (MissingTrieNodeException e) {
      throw RpcException.rejected("missing trie node: " + e.getMessage());
    }
  }

  public static RpcException toRpc(SimulationException e) {
    return switch (e.kind()) {
      case INVALID_ARGUMENT -> RpcException.invalidParams(e.getMessage());
      case REVERTED ->
          new RpcException(
              RpcException.EXECUTION_REVERTED,
              e.getMessage(),
              TextNode.valueOf(Hex.encode(e.output())));
      case REJECTED, TIMEOUT, VM_ERROR, NOT_FOUND -> RpcException.rejected(e.getMessage());
    };
  }
}
