/**
 * debug_traceTransaction, debug_traceCall and debug_traceBlockByNumber/ByHash with geth's default
 * struct logger and its callTracer. Transactions are replayed on scratch state by {@code
 * io.zgnode.chain.sim.BlockReplayer}; the tracers here turn the EVM's hooks into geth's JSON.
 */
package io.zgnode.jsonrpc.debug;
