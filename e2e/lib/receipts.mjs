// Waiting for many receipts at once with one batched request per poll.
import { rpcBatch, waitFor } from './env.mjs';

/** Receipts (raw JSON-RPC objects) of every hash, polled in batches until all are present. */
export async function receiptsOf(hashes, timeoutMs = 60_000) {
  const found = new Map();
  await waitFor(
    async () => {
      const missing = hashes.filter((h) => !found.has(h));
      const answers = await rpcBatch(
        missing.map((h) => ({ method: 'eth_getTransactionReceipt', params: [h] })),
      );
      for (const a of answers) {
        if (a.error) throw new Error(`eth_getTransactionReceipt: ${JSON.stringify(a.error)}`);
        if (a.result) found.set(a.result.transactionHash, a.result);
      }
      return hashes.every((h) => found.has(h));
    },
    `${hashes.length} receipts`,
    timeoutMs,
    100,
  );
  return hashes.map((h) => found.get(h));
}

/** Asserts receipts (in nonce order) are all successful and in strictly increasing position. */
export function assertMinedInOrder(assert, receipts) {
  let prev = null;
  for (const r of receipts) {
    assert.equal(r.status, '0x1', `transaction ${r.transactionHash} failed`);
    const pos = [BigInt(r.blockNumber), BigInt(r.transactionIndex)];
    if (prev) {
      assert.ok(
        pos[0] > prev[0] || (pos[0] === prev[0] && pos[1] > prev[1]),
        `mined out of nonce order: ${prev} then ${pos}`,
      );
    }
    prev = pos;
  }
}
