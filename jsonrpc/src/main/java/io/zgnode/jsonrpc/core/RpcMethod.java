package io.zgnode.jsonrpc.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC method. Called on a worker thread (never a network event loop), so it may block on
 * the database or run the EVM. Returns the result member ({@code NullNode} for JSON null) or throws
 * {@link RpcException}; any other exception becomes an internal error with its message.
 */
@FunctionalInterface
public interface RpcMethod {
  JsonNode call(RpcRequest request) throws RpcException;
}
