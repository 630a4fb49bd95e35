package io.zgnode.jsonrpc.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.evm.bytes.Hex;

/**
 * A JSON-RPC error answer: code, message and optional data, worded as geth words them because
 * ethers and viem classify errors by these texts.
 */
public class RpcException extends Exception {
  private static final long serialVersionUID = 1L;

  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** geth's code for a transaction the node refused (nonce, funds, fees...). */
  public static final int TX_REJECTED = -32000;

  /** geth's code for a limit the node enforces (range, results, batch, subscriptions). */
  public static final int LIMIT_EXCEEDED = -32005;

  /** geth's code for a reverted eth_call / eth_estimateGas, with the revert bytes in data. */
  public static final int EXECUTION_REVERTED = 3;

  private final int code;
  private final transient JsonNode data;

  public RpcException(int code, String message) {
    this(code, message, null);
  }

  public RpcException(int code, String message, JsonNode data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
  }

  public int code() {
    return code;
  }

  /** The error's data member, or null when it has none. */
  public JsonNode data() {
    return data;
  }

  public static RpcException invalidParams(String message) {
    return new RpcException(INVALID_PARAMS, message);
  }

  public static RpcException methodNotFound(String method) {
    return new RpcException(
        METHOD_NOT_FOUND, "the method " + method + " does not exist/is not available");
  }

  public static RpcException limitExceeded(String message) {
    return new RpcException(LIMIT_EXCEEDED, message);
  }

  public static RpcException internal(String message) {
    return new RpcException(INTERNAL_ERROR, message);
  }

  /** A server-side refusal with geth's generic code -32000 (e.g. "nonce too low"). */
  public static RpcException rejected(String message) {
    return new RpcException(TX_REJECTED, message);
  }

  /**
   * A revert: "execution reverted" plus ": reason" when the output is an Error(string), and the raw
   * output (custom errors too) in data.
   */
  public static RpcException reverted(String reasonOrNull, byte[] output) {
    String message =
        reasonOrNull == null ? "execution reverted" : "execution reverted: " + reasonOrNull;
    return new RpcException(EXECUTION_REVERTED, message, TextNode.valueOf(Hex.encode(output)));
  }
}
