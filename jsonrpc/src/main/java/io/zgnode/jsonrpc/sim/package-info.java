/**
 * The simulation methods: eth_call, eth_estimateGas and eth_createAccessList with state and block
 * overrides at any retained height or "pending", and eth_getProof. The EVM work is in {@code
 * io.zgnode.chain.sim}; this package parses geth's arguments and words geth's answers and errors.
 */
package io.zgnode.jsonrpc.sim;
