// The "pending" tag: a transaction just accepted counts in eth_getTransactionCount(addr, "pending")
// and is returned by eth_getTransactionByHash with a null blockHash until a block includes it (a
// null there makes Hardhat Ignition and Foundry think it was dropped).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Wallet } from 'ethers';
import * as env from '../lib/env.mjs';
import { receiptsOf } from '../lib/receipts.mjs';

const TRIES = 6;

describe('the pending tag', { concurrency: false }, () => {
  let provider;
  let wallet;

  before(() => {
    provider = env.ethersHttp();
    wallet = env.ethersWallet(env.ACCOUNT.pending, provider);
  });

  after(() => env.closeEthers(provider));

  test('a just-sent transaction is pending by nonce and by hash until mined', async () => {
    const fee = await provider.getFeeData();
    const { chainId } = await provider.getNetwork();
    const to = Wallet.createRandom().address;
    let sawPendingTx = 0;
    let sawPendingNonce = 0;
    const hashes = [];
    for (let i = 0; i < TRIES; i++) {
      const nonce = Number(
        BigInt(await env.rpc('eth_getTransactionCount', [wallet.address, 'pending'])),
      );
      const raw = await wallet.signTransaction({
        type: 2,
        chainId,
        nonce,
        to,
        value: 1n,
        gasLimit: 21_000n,
        maxFeePerGas: fee.maxFeePerGas,
        maxPriorityFeePerGas: fee.maxPriorityFeePerGas,
      });
      const hash = await env.rpc('eth_sendRawTransaction', [raw]);
      hashes.push(hash);
      // immediately, in one round trip
      const [pendingNonce, tx, latestNonce, receipt] = (
        await env.rpcBatch([
          { method: 'eth_getTransactionCount', params: [wallet.address, 'pending'] },
          { method: 'eth_getTransactionByHash', params: [hash] },
          { method: 'eth_getTransactionCount', params: [wallet.address, 'latest'] },
          { method: 'eth_getTransactionReceipt', params: [hash] },
        ])
      )
        .sort((a, b) => a.id - b.id)
        .map((a) => {
          assert.ok(!a.error, JSON.stringify(a));
          return a.result;
        });

      assert.equal(Number(BigInt(pendingNonce)), nonce + 1, 'the pending nonce counts it');
      assert.ok(tx, 'eth_getTransactionByHash must not return null for an accepted transaction');
      assert.equal(tx.hash, hash);
      assert.equal(Number(BigInt(tx.nonce)), nonce);
      assert.equal(tx.from.toLowerCase(), wallet.address.toLowerCase());
      if (tx.blockHash === null) {
        sawPendingTx++;
        assert.equal(tx.blockNumber, null);
        assert.equal(tx.transactionIndex, null);
        if (receipt === null && Number(BigInt(latestNonce)) === nonce) sawPendingNonce++;
      } else {
        assert.ok(receipt, 'a mined transaction has its receipt');
      }
    }
    assert.ok(sawPendingTx > 0, `never saw a pending transaction in ${TRIES} tries`);
    assert.ok(sawPendingNonce > 0, `the pending nonce never ran ahead of the latest`);
    const receipts = await receiptsOf(hashes);
    assert.ok(receipts.every((r) => r.status === '0x1'));
    const mined = await env.rpc('eth_getTransactionByHash', [hashes[0]]);
    assert.equal(mined.blockHash, receipts[0].blockHash);
  });

  test('three in a row: the pending nonce runs ahead of the latest by what is in the pool', async () => {
    const fee = await provider.getFeeData();
    const { chainId } = await provider.getNetwork();
    let best = 0;
    for (let round = 0; round < 3 && best < 2; round++) {
      const start = Number(
        BigInt(await env.rpc('eth_getTransactionCount', [wallet.address, 'pending'])),
      );
      const raws = [];
      for (let i = 0; i < 3; i++) {
        raws.push(
          await wallet.signTransaction({
            type: 2,
            chainId,
            nonce: start + i,
            to: wallet.address,
            value: 0n,
            gasLimit: 21_000n,
            maxFeePerGas: fee.maxFeePerGas,
            maxPriorityFeePerGas: fee.maxPriorityFeePerGas,
          }),
        );
      }
      const hashes = [];
      for (const raw of raws) hashes.push(await env.rpc('eth_sendRawTransaction', [raw]));
      const [pending, latest] = (
        await env.rpcBatch([
          { method: 'eth_getTransactionCount', params: [wallet.address, 'pending'] },
          { method: 'eth_getTransactionCount', params: [wallet.address, 'latest'] },
        ])
      )
        .sort((a, b) => a.id - b.id)
        .map((a) => Number(BigInt(a.result)));
      assert.equal(pending, start + 3);
      assert.ok(latest <= pending);
      best = Math.max(best, pending - latest);
      await receiptsOf(hashes);
    }
    assert.ok(best >= 2, `pending - latest was at most ${best}`);
  });

  test('eth_getBlockByNumber("pending") and txpool_status answer', async () => {
    const block = await env.rpc('eth_getBlockByNumber', ['pending', false]);
    assert.ok(block, 'a pending block');
    const latest = await env.blockNumber();
    assert.ok(Number(BigInt(block.number)) >= latest);
    const status = await env.rpc('txpool_status');
    assert.match(status.pending, /^0x[0-9a-f]+$/);
    assert.match(status.queued, /^0x[0-9a-f]+$/);
  });
});
