package io.zgnode.jsonrpc.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A method whose slow part is a hand-off that keeps call order, such as eth_sendRawTransaction
 * forwarding to the mempool. In a batch the dispatcher starts consecutive pipelined calls one after
 * another without waiting for their results, so their effects happen in request order but their
 * round trips overlap; any other method in the batch waits until the calls before it are done, so a
 * batch still behaves as if run one call at a time.
 */
public interface PipelinedRpcMethod extends RpcMethod {

  /**
   * Checks the request and starts the call. Throws for what can be refused at once; the future
   * completes with the result or exceptionally with an {@link RpcException}.
   */
  CompletableFuture<JsonNode> start(RpcRequest request) throws RpcException;

  @Override
  default JsonNode call(RpcRequest request) throws RpcException {
    return await(start(request));
  }

  /** The future's result, with an {@link RpcException} it failed with rethrown as is. */
  static JsonNode await(CompletableFuture<JsonNode> future) throws RpcException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RpcException.internal("interrupted");
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RpcException r) {
        throw r;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw RpcException.internal(String.valueOf(cause.getMessage()));
    }
  }
}
