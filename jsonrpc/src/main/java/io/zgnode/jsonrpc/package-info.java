/** The Ethereum JSON-RPC server: HTTP and WebSocket transports, methods, subscriptions, limits. */
package io.zgnode.jsonrpc;
