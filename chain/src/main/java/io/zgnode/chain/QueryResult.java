package io.zgnode.chain;

/** An answer to an ABCI query: code 0 with a value, or a non-zero code with a log. */
public record QueryResult(int code, String log, byte[] value, long height) {
  public static QueryResult error(int code, String log, long height) {
    return new QueryResult(code, log, new byte[0], height);
  }
}
