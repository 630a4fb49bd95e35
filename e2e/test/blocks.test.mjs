// Blocks as tools read them: chain id, fee history as Hardhat, Foundry and MetaMask ask for it,
// parentHash chaining and keccak header hashes over 50 blocks fetched in one batch of 50, receipts
// present as soon as the block number reaches their block.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Wallet } from 'ethers';
import * as env from '../lib/env.mjs';
import { headerHash } from '../lib/header.mjs';

const hex = (n) => '0x' + BigInt(n).toString(16);

describe('blocks, fees and batches', { concurrency: false }, () => {
  let provider;

  before(() => {
    provider = env.ethersHttp();
  });

  after(() => env.closeEthers(provider));

  test('eth_chainId, net_version and the libraries agree', async () => {
    const chainId = BigInt(await env.rpc('eth_chainId'));
    assert.ok(chainId > 0n);
    assert.equal(await env.rpc('net_version'), chainId.toString(10));
    assert.equal((await provider.getNetwork()).chainId, chainId);
    const client = await env.viemPublic('http');
    assert.equal(BigInt(await client.getChainId()), chainId);
    assert.equal(typeof (await env.rpc('web3_clientVersion')), 'string');
    assert.equal(await env.rpc('net_listening'), true);
    assert.deepEqual(await env.rpc('eth_accounts'), []);
    assert.equal(await env.rpc('eth_syncing'), false);
  });

  test('eth_feeHistory as Hardhat reads it: "0x1", latest, [50]', async () => {
    await env.waitForHeight(2);
    const h = await env.rpc('eth_feeHistory', ['0x1', 'latest', [50]]);
    assert.equal(h.baseFeePerGas.length, 2, 'blockCount + 1 base fees');
    assert.equal(h.gasUsedRatio.length, 1);
    assert.equal(h.reward.length, 1);
    assert.equal(h.reward[0].length, 1);
    const next = BigInt(h.baseFeePerGas.at(-1));
    assert.ok(next > 0n, 'Hardhat uses the last entry: the next block base fee');
    const newest = await env.rpc('eth_getBlockByNumber', [h.oldestBlock, false]);
    assert.equal(BigInt(newest.baseFeePerGas), BigInt(h.baseFeePerGas[0]));
  });

  test('eth_feeHistory with a plain integer block count (Foundry) and percentiles (MetaMask)', async () => {
    await env.waitForHeight(12);
    const newest = await env.blockNumber();
    const h = await env.rpc('eth_feeHistory', [10, hex(newest), []]);
    assert.equal(BigInt(h.oldestBlock), BigInt(newest - 9));
    assert.equal(h.baseFeePerGas.length, 11);
    assert.equal(h.gasUsedRatio.length, 10);
    const blocks = await env.rpcBatch(
      Array.from({ length: 10 }, (_, i) => ({
        method: 'eth_getBlockByNumber',
        params: [hex(newest - 9 + i), false],
      })),
    );
    for (const b of blocks.sort((x, y) => x.id - y.id)) {
      const i = b.id - 1;
      assert.equal(BigInt(h.baseFeePerGas[i]), BigInt(b.result.baseFeePerGas), `block ${i}`);
      const ratio = Number(BigInt(b.result.gasUsed)) / Number(BigInt(b.result.gasLimit));
      assert.ok(Math.abs(h.gasUsedRatio[i] - ratio) < 1e-9, `gasUsedRatio ${i}`);
    }
    assert.ok(BigInt(h.baseFeePerGas[10]) > 0n);

    const m = await env.rpc('eth_feeHistory', ['0x5', 'latest', [10, 20, 30]]);
    assert.equal(m.baseFeePerGas.length, 6);
    assert.equal(m.reward.length, 5);
    for (const r of m.reward) assert.equal(r.length, 3);

    // ethers and viem read fees through their own paths
    const fee = await provider.getFeeData();
    assert.ok(fee.maxFeePerGas > 0n && fee.maxPriorityFeePerGas >= 0n);
    const client = await env.viemPublic('http');
    const est = await client.estimateFeesPerGas();
    assert.ok(est.maxFeePerGas > 0n);
  });

  test('50 consecutive blocks in one batch of 50: parentHash chains, hash = keccak(rlp(header))', async () => {
    await env.waitForHeight(51);
    const top = await env.blockNumber();
    const answers = await env.rpcBatch(
      Array.from({ length: 50 }, (_, i) => ({
        method: 'eth_getBlockByNumber',
        params: [hex(top - 49 + i), false],
      })),
    );
    assert.equal(answers.length, 50, 'one answer per request');
    const ids = answers.map((a) => a.id).sort((a, b) => a - b);
    assert.deepEqual(ids, Array.from({ length: 50 }, (_, i) => i + 1));
    const blocks = answers.sort((a, b) => a.id - b.id).map((a) => {
      assert.ok(!a.error && a.result, JSON.stringify(a));
      return a.result;
    });
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      assert.equal(BigInt(b.number), BigInt(top - 49 + i));
      assert.equal(headerHash(b), b.hash, `block ${BigInt(b.number)}: hash is keccak(rlp(header))`);
      assert.ok(BigInt(b.gasLimit) > 0n && BigInt(b.gasLimit) < 2n ** 63n, 'a sane gas limit');
      if (i > 0) {
        assert.equal(b.parentHash, blocks[i - 1].hash, `parentHash of ${BigInt(b.number)}`);
        assert.ok(BigInt(b.timestamp) >= BigInt(blocks[i - 1].timestamp));
      }
    }
    const byHash = await env.rpc('eth_getBlockByHash', [blocks[10].hash, false]);
    assert.deepEqual(byHash, blocks[10]);
    const genesis = await env.rpc('eth_getBlockByNumber', ['earliest', false]);
    assert.equal(BigInt(genesis.number), 0n);
    const first = await env.rpc('eth_getBlockByNumber', ['0x1', false]);
    assert.equal(first.parentHash, genesis.hash);
    for (const tag of ['latest', 'safe', 'finalized']) {
      const b = await env.rpc('eth_getBlockByNumber', [tag, false]);
      assert.ok(b && BigInt(b.number) > 0n, tag);
    }
  });

  test('a batch of 50 mixed requests, with per-item errors', async () => {
    const address = Wallet.createRandom().address;
    const requests = [];
    for (let i = 0; i < 48; i++) {
      const kind = i % 4;
      if (kind === 0) requests.push({ method: 'eth_chainId', params: [] });
      if (kind === 1) requests.push({ method: 'eth_blockNumber', params: [] });
      if (kind === 2) requests.push({ method: 'eth_getBalance', params: [address, 'latest'] });
      if (kind === 3)
        requests.push({ method: 'eth_getTransactionCount', params: [address, 'latest'] });
    }
    requests.push({ method: 'eth_noSuchMethod', params: [] });
    requests.push({ method: 'eth_getBalance', params: ['0x1234', 'latest'] });
    const answers = await env.rpcBatch(requests);
    assert.equal(answers.length, 50);
    const byId = new Map(answers.map((a) => [a.id, a]));
    for (let i = 0; i < 48; i++) {
      const a = byId.get(i + 1);
      assert.ok(a && !a.error, `item ${i}: ${JSON.stringify(a)}`);
      assert.equal(a.jsonrpc, '2.0');
    }
    assert.equal(byId.get(49).error?.code, -32601);
    assert.match(byId.get(49).error.message, /eth_noSuchMethod/);
    assert.equal(byId.get(50).error?.code, -32602, JSON.stringify(byId.get(50)));
  });

  test('a receipt is there as soon as eth_blockNumber reaches its block', async () => {
    const wallet = env.ethersWallet(env.ACCOUNT.blocks, provider);
    const observations = [];
    for (let round = 0; round < 3; round++) {
      const tx = await wallet.sendTransaction({ to: Wallet.createRandom().address, value: 1n });
      let last = await env.blockNumber();
      const receipt = await env.waitFor(
        async () => {
          const n = await env.blockNumber();
          if (n === last) return null;
          last = n;
          // the block number moved: ask for the receipt right away
          const r = await env.rpc('eth_getTransactionReceipt', [tx.hash]);
          observations.push({ seenHeight: n, found: r !== null });
          return r;
        },
        'the receipt',
        30_000,
        10,
      );
      const included = Number(BigInt(receipt.blockNumber));
      for (const o of observations) {
        if (!o.found) {
          assert.ok(
            o.seenHeight < included,
            `eth_blockNumber said ${o.seenHeight} but the receipt of block ${included} was missing`,
          );
        }
      }
      const block = await env.rpc('eth_getBlockByNumber', [receipt.blockNumber, false]);
      assert.ok(block.transactions.includes(tx.hash));
      assert.equal(block.hash, receipt.blockHash);
      const [bn, logs] = await Promise.all([
        env.blockNumber(),
        env.rpc('eth_getBlockReceipts', [receipt.blockNumber]),
      ]);
      assert.ok(bn >= included);
      assert.ok(logs.some((r) => r.transactionHash === tx.hash));
    }
  });
});
