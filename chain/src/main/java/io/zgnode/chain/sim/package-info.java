/**
 * Simulation against committed state for the JSON-RPC: calls at any retained height or on the
 * pending block (eth_call), gas estimation as geth does it, access-list discovery, replays of
 * committed blocks for tracing, and Merkle proofs (eth_getProof). Everything runs on throwaway
 * state ({@code Chain.scratchUpdaterAt}) and never touches what consensus executes.
 */
package io.zgnode.chain.sim;
