package io.zgnode.jsonrpc.server;

import io.netty.handler.codec.http.HttpVersion;

/**
 * Passed up the pipeline in place of a request whose body was over the limit (its body is being
 * discarded), so that the 413 goes out in turn with the connection's other answers.
 */
record OversizedRequest(HttpVersion version, boolean keepAlive, String origin) {}
