// WebSocket: newHeads, logs and newPendingTransactions subscriptions (raw, ethers and viem), and
// sending and waiting for transactions entirely over WebSocket.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ContractFactory, Wallet, id as topicOf } from 'ethers';
import { contracts } from '../lib/contracts.mjs';
import * as env from '../lib/env.mjs';
import { sendUntilSeen } from '../lib/events.mjs';
import { WsRpc } from '../lib/wsrpc.mjs';

const { TestToken } = contracts();

describe('WebSocket', { concurrency: false }, () => {
  let ws;
  let http;
  let wallet;

  before(async () => {
    ws = await WsRpc.open(env.WS_URL);
    http = env.ethersHttp();
    wallet = env.ethersWallet(env.ACCOUNT.websocket, http);
  });

  after(async () => {
    ws.close();
    await env.closeEthers(http);
  });

  test('the same answers as over HTTP', async () => {
    const [a, b] = await Promise.all([ws.request('eth_chainId'), env.rpc('eth_chainId')]);
    assert.equal(a.result, b);
    const unknown = await ws.request('eth_noSuchMethod');
    assert.equal(unknown.error?.code, -32601);
  });

  test('newHeads: consecutive headers whose parentHash is the previous hash', async () => {
    const sub = await ws.subscribe('newHeads');
    await env.waitFor(() => sub.events.length >= 3, '3 newHeads', 20_000);
    const heads = sub.events.slice(0, 3);
    for (let i = 1; i < heads.length; i++) {
      assert.equal(BigInt(heads[i].number), BigInt(heads[i - 1].number) + 1n);
      assert.equal(heads[i].parentHash, heads[i - 1].hash);
    }
    const block = await env.rpc('eth_getBlockByNumber', [heads[0].number, false]);
    assert.equal(block.hash, heads[0].hash);
    const off = await ws.request('eth_unsubscribe', [sub.id]);
    assert.equal(off.result, true);
    const again = await ws.request('eth_unsubscribe', [sub.id]);
    assert.ok(again.result === false || again.error, JSON.stringify(again));
  });

  test('logs and newPendingTransactions subscriptions see a token transfer', async () => {
    const token = await new ContractFactory(TestToken.abi, TestToken.bytecode, wallet).deploy(
      'Ws',
      'WS',
      10n ** 20n,
    );
    await token.deploymentTransaction().wait();
    const address = await token.getAddress();
    const logs = await ws.subscribe('logs', {
      address,
      topics: [topicOf('Transfer(address,address,uint256)')],
    });
    const pending = await ws.subscribe('newPendingTransactions');

    const to = Wallet.createRandom().address;
    const tx = await token.transfer(to, 99n);
    const receipt = await tx.wait();
    const log = await env.waitFor(
      () => logs.events.find((l) => l.transactionHash === tx.hash),
      'the Transfer log',
      10_000,
    );
    assert.equal(log.address.toLowerCase(), address.toLowerCase());
    assert.equal(log.blockHash, receipt.blockHash);
    assert.equal(BigInt(log.data), 99n);
    assert.equal(log.removed, false);
    await env.waitFor(() => pending.events.includes(tx.hash), 'the pending hash', 10_000);
  });

  test('ethers WebSocketProvider: block events, send and wait', async () => {
    const provider = env.ethersWs();
    try {
      const start = await provider.getBlockNumber();
      const blocks = [];
      await provider.on('block', (n) => blocks.push(n));
      await env.waitFor(() => blocks.some((n) => n > start), 'an ethers block event', 20_000);
      const wsWallet = env.ethersWallet(env.ACCOUNT.websocket, provider);
      const sent = await wsWallet.sendTransaction({ to: Wallet.createRandom().address, value: 5n });
      const receipt = await sent.wait();
      assert.equal(receipt.status, 1);
    } finally {
      await provider.destroy();
    }
  });

  test('viem over WebSocket: watchBlocks, sendTransaction, waitForTransactionReceipt', async () => {
    const client = await env.viemPublic('ws');
    const walletClient = await env.viemWallet(env.ACCOUNT.websocket, 'ws');
    try {
      const blocks = [];
      const unwatch = client.watchBlocks({
        onBlock: (b) => blocks.push(b),
        onError: (e) => blocks.push(e),
      });
      try {
        await env.waitFor(() => blocks.length >= 2, 'two viem blocks', 20_000);
        assert.ok(blocks.every((b) => !(b instanceof Error)), String(blocks.find((b) => b instanceof Error)));
        assert.equal(blocks[1].parentHash, blocks[0].hash);
      } finally {
        unwatch();
      }
      const to = Wallet.createRandom().address;
      const heard = new Set();
      const unwatchPending = client.watchPendingTransactions({
        onTransactions: (hashes) => hashes.forEach((h) => heard.add(h)),
      });
      try {
        await sendUntilSeen(
          async () => {
            const hash = await walletClient.sendTransaction({ to, value: 1n });
            const r = await client.waitForTransactionReceipt({ hash });
            assert.equal(r.status, 'success');
            return hash;
          },
          (h) => heard.has(h),
          'viem watchPendingTransactions',
        );
      } finally {
        unwatchPending();
      }
      assert.ok((await client.getBalance({ address: to })) >= 1n);
    } finally {
      await env.closeViem(client);
    }
  });
});
