// One sender, 20 transactions back to back without waiting for any to be mined (as Foundry
// broadcasts a script), with explicit nonces and with the "pending" nonce; all mined in order.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Wallet } from 'ethers';
import * as env from '../lib/env.mjs';
import { assertMinedInOrder, receiptsOf } from '../lib/receipts.mjs';

const COUNT = 20;

describe('20 back-to-back transactions from one sender', { concurrency: false }, () => {
  let provider;
  let wallet;

  before(() => {
    provider = env.ethersHttp();
    wallet = env.ethersWallet(env.ACCOUNT.noncesEthers, provider);
  });

  after(() => env.closeEthers(provider));

  test('explicit nonces n..n+19 signed up front and sent one after another', async () => {
    const n = await provider.getTransactionCount(wallet.address, 'pending');
    const fee = await provider.getFeeData();
    const { chainId } = await provider.getNetwork();
    const to = Wallet.createRandom().address;
    const raws = [];
    for (let i = 0; i < COUNT; i++) {
      raws.push(
        await wallet.signTransaction({
          type: 2,
          chainId,
          nonce: n + i,
          to,
          value: BigInt(i + 1),
          gasLimit: 21_000n,
          maxFeePerGas: fee.maxFeePerGas,
          maxPriorityFeePerGas: fee.maxPriorityFeePerGas,
        }),
      );
    }
    const hashes = [];
    for (const raw of raws) {
      hashes.push(await env.rpc('eth_sendRawTransaction', [raw]));
    }
    const receipts = await receiptsOf(hashes);
    assertMinedInOrder(assert, receipts);
    assert.equal(await provider.getBalance(to), BigInt((COUNT * (COUNT + 1)) / 2));
    assert.equal(await provider.getTransactionCount(wallet.address, 'latest'), n + COUNT);
  });

  test('explicit nonces in one JSON-RPC batch, answered in order', async () => {
    const n = await provider.getTransactionCount(wallet.address, 'pending');
    const fee = await provider.getFeeData();
    const { chainId } = await provider.getNetwork();
    const to = Wallet.createRandom().address;
    const raws = [];
    for (let i = 0; i < 10; i++) {
      raws.push(
        await wallet.signTransaction({
          type: 2,
          chainId,
          nonce: n + i,
          to,
          value: 1n,
          gasLimit: 21_000n,
          maxFeePerGas: fee.maxFeePerGas,
          maxPriorityFeePerGas: fee.maxPriorityFeePerGas,
        }),
      );
    }
    const answers = await env.rpcBatch(
      raws.map((raw) => ({ method: 'eth_sendRawTransaction', params: [raw] })),
    );
    assert.equal(answers.length, 10);
    const byId = new Map(answers.map((a) => [a.id, a]));
    const hashes = raws.map((_, i) => {
      const a = byId.get(i + 1);
      assert.ok(a && !a.error, `batch item ${i}: ${JSON.stringify(a)}`);
      return a.result;
    });
    assertMinedInOrder(assert, await receiptsOf(hashes));
  });

  test('ethers sendTransaction 20 times, each taking the "pending" nonce', async () => {
    const start = await provider.getTransactionCount(wallet.address, 'pending');
    const to = Wallet.createRandom().address;
    const sent = [];
    for (let i = 0; i < COUNT; i++) {
      sent.push(await wallet.sendTransaction({ to, value: 1n }));
    }
    assert.deepEqual(
      sent.map((t) => t.nonce),
      Array.from({ length: COUNT }, (_, i) => start + i),
      'each send saw the previous ones in the pending nonce',
    );
    const receipts = await receiptsOf(sent.map((t) => t.hash));
    assertMinedInOrder(assert, receipts);
    assert.equal(await provider.getBalance(to), BigInt(COUNT));
  });

  test('viem sendTransaction 20 times, each taking the "pending" nonce', async () => {
    const walletClient = await env.viemWallet(env.ACCOUNT.noncesViem, 'http');
    const client = await env.viemPublic('http');
    const address = walletClient.account.address;
    const start = await client.getTransactionCount({ address, blockTag: 'pending' });
    const to = Wallet.createRandom().address;
    const hashes = [];
    for (let i = 0; i < COUNT; i++) {
      hashes.push(await walletClient.sendTransaction({ to, value: 1n }));
    }
    const receipts = await receiptsOf(hashes);
    const txs = await env.rpcBatch(
      hashes.map((h) => ({ method: 'eth_getTransactionByHash', params: [h] })),
    );
    assert.deepEqual(
      txs.map((t) => Number(BigInt(t.result.nonce))),
      Array.from({ length: COUNT }, (_, i) => start + i),
    );
    assertMinedInOrder(assert, receipts);
    assert.equal(await client.getBalance({ address: to }), BigInt(COUNT));
  });
});
