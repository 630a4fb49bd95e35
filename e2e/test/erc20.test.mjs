// An ERC-20 deployed and used with ethers v6 and viem; its Transfer events read back by contract
// filter, by eth_getLogs, by polled filters over HTTP and by subscriptions over WebSocket; a
// failed transfer's custom error decoded by both libraries.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Contract, ContractFactory, Wallet, id as topicOf, zeroPadValue } from 'ethers';
import { BaseError, ContractFunctionRevertedError, getAddress, parseEventLogs } from 'viem';
import { contracts } from '../lib/contracts.mjs';
import * as env from '../lib/env.mjs';
import { sendUntilSeen } from '../lib/events.mjs';

const { TestToken } = contracts();
const SUPPLY = 1_000_000n * 10n ** 18n;
const TRANSFER = topicOf('Transfer(address,address,uint256)');

describe('ERC-20 with ethers and viem', { concurrency: false }, () => {
  let provider;
  let wallet;
  let token;
  let tokenAddress;
  const closers = [];

  before(async () => {
    provider = env.ethersHttp();
    closers.push(() => env.closeEthers(provider));
    wallet = env.ethersWallet(env.ACCOUNT.erc20, provider);
    const factory = new ContractFactory(TestToken.abi, TestToken.bytecode, wallet);
    token = await factory.deploy('Test Token', 'TT', SUPPLY);
    const receipt = await token.deploymentTransaction().wait();
    assert.equal(receipt.status, 1);
    tokenAddress = await token.getAddress();
    assert.equal(receipt.contractAddress, tokenAddress);
  });

  after(async () => {
    for (const close of closers.reverse()) await close();
  });

  test('ethers reads the deployed token', async () => {
    assert.equal(await token.name(), 'Test Token');
    assert.equal(await token.symbol(), 'TT');
    assert.equal(await token.decimals(), 18n);
    assert.equal(await token.totalSupply(), SUPPLY);
    assert.equal(await token.balanceOf(wallet.address), SUPPLY);
    const code = await provider.getCode(tokenAddress);
    assert.ok(code.length > 2, 'the token has code');
  });

  test('ethers transfer: receipt log, queryFilter and eth_getLogs agree', async () => {
    const to = Wallet.createRandom().address;
    const tx = await token.transfer(to, 1234n);
    const receipt = await tx.wait();
    assert.equal(receipt.status, 1);
    assert.equal(await token.balanceOf(to), 1234n);

    assert.equal(receipt.logs.length, 1);
    const parsed = token.interface.parseLog(receipt.logs[0]);
    assert.equal(parsed.name, 'Transfer');
    assert.deepEqual([...parsed.args], [wallet.address, to, 1234n]);

    const byFilter = await token.queryFilter(
      token.filters.Transfer(wallet.address, to),
      receipt.blockNumber,
      receipt.blockNumber,
    );
    assert.equal(byFilter.length, 1);
    assert.equal(byFilter[0].transactionHash, tx.hash);
    assert.equal(byFilter[0].args.value, 1234n);

    const raw = await env.rpc('eth_getLogs', [
      {
        fromBlock: '0x' + receipt.blockNumber.toString(16),
        toBlock: 'latest',
        address: tokenAddress,
        topics: [TRANSFER, zeroPadValue(wallet.address, 32), zeroPadValue(to, 32)],
      },
    ]);
    assert.equal(raw.length, 1);
    const log = raw[0];
    assert.equal(getAddress(log.address), tokenAddress);
    assert.equal(log.transactionHash, tx.hash);
    assert.equal(log.blockHash, receipt.blockHash);
    assert.equal(BigInt(log.blockNumber), BigInt(receipt.blockNumber));
    assert.equal(BigInt(log.data), 1234n);
    assert.equal(log.removed, false);
    assert.equal(BigInt(log.logIndex), BigInt(receipt.logs[0].index));
    assert.equal(BigInt(log.transactionIndex), BigInt(receipt.index));

    // by block hash too, and a topic filter that matches nothing
    const byHash = await env.rpc('eth_getLogs', [
      { blockHash: receipt.blockHash, address: tokenAddress },
    ]);
    assert.ok(byHash.some((l) => l.transactionHash === tx.hash));
    const none = await env.rpc('eth_getLogs', [
      {
        fromBlock: '0x' + receipt.blockNumber.toString(16),
        toBlock: '0x' + receipt.blockNumber.toString(16),
        address: tokenAddress,
        topics: [TRANSFER, zeroPadValue(to, 32)],
      },
    ]);
    assert.deepEqual(none, []);
  });

  test('ethers contract.on over HTTP (eth_newFilter / eth_getFilterChanges)', async () => {
    const listening = env.ethersHttp();
    closers.push(() => env.closeEthers(listening));
    const watched = new Contract(tokenAddress, TestToken.abi, listening);
    const to = Wallet.createRandom().address;
    const events = new Map();
    // by event name: ethers hands a deferred topic filter's logs over undecoded
    await watched.on('Transfer', (from, _to, value, payload) => {
      if (_to === to) events.set(payload.log.transactionHash, { from, value });
    });
    // the listener stops when its provider is destroyed after the tests
    const seen = await sendUntilSeen(
      async () => (await (await token.transfer(to, 7n)).wait()).hash,
      (hash) => events.get(hash),
      'ethers contract.on Transfer over HTTP',
    );
    assert.equal(seen.from, wallet.address);
    assert.equal(seen.value, 7n);
  });

  test('viem writeContract, getContractEvents, getLogs and watchContractEvent over HTTP', async () => {
    const client = await env.viemPublic('http');
    const walletClient = await env.viemWallet(env.ACCOUNT.erc20, 'http');
    const to = Wallet.createRandom().address;

    const hash = await walletClient.writeContract({
      address: tokenAddress,
      abi: TestToken.abi,
      functionName: 'transfer',
      args: [to, 555n],
    });
    const receipt = await client.waitForTransactionReceipt({ hash });
    assert.equal(receipt.status, 'success');
    const balance = await client.readContract({
      address: tokenAddress,
      abi: TestToken.abi,
      functionName: 'balanceOf',
      args: [to],
    });
    assert.equal(balance, 555n);

    const [decoded] = parseEventLogs({ abi: TestToken.abi, logs: receipt.logs });
    assert.equal(decoded.eventName, 'Transfer');
    assert.deepEqual(decoded.args, { from: walletClient.account.address, to, value: 555n });

    const events = await client.getContractEvents({
      address: tokenAddress,
      abi: TestToken.abi,
      eventName: 'Transfer',
      args: { to },
      fromBlock: receipt.blockNumber,
      toBlock: receipt.blockNumber,
    });
    assert.equal(events.length, 1);
    assert.equal(events[0].transactionHash, hash);
    assert.equal(events[0].args.value, 555n);

    const logs = await client.getLogs({
      address: tokenAddress,
      event: TestToken.abi.find((x) => x.type === 'event' && x.name === 'Transfer'),
      args: { from: walletClient.account.address, to },
      fromBlock: 0n,
      toBlock: 'latest',
    });
    assert.deepEqual(
      logs.map((l) => l.transactionHash),
      [hash],
    );

    const watched = new Map();
    const unwatch = client.watchContractEvent({
      address: tokenAddress,
      abi: TestToken.abi,
      eventName: 'Transfer',
      args: { to },
      poll: true,
      onLogs: (ls) => ls.forEach((l) => watched.set(l.transactionHash, l)),
      onError: (e) => watched.set('error', e),
    });
    try {
      const log = await sendUntilSeen(
        async () => {
          const h = await walletClient.writeContract({
            address: tokenAddress,
            abi: TestToken.abi,
            functionName: 'transfer',
            args: [to, 1n],
          });
          await client.waitForTransactionReceipt({ hash: h });
          return h;
        },
        (h) => {
          if (watched.has('error')) throw watched.get('error');
          return watched.get(h);
        },
        'viem watchContractEvent over HTTP',
      );
      assert.equal(log.args.value, 1n);
    } finally {
      unwatch();
    }
  });

  test('a transfer over the balance fails with InsufficientBalance, decoded by ethers and viem', async () => {
    const poor = Wallet.createRandom().address;
    const have = await token.balanceOf(wallet.address);
    const want = have + 1n;

    await assert.rejects(token.transfer.staticCall(poor, want), (e) => {
      assert.equal(e.code, 'CALL_EXCEPTION', e.message);
      assert.equal(e.revert?.name, 'InsufficientBalance', e.message);
      assert.deepEqual([...e.revert.args], [wallet.address, have, want]);
      return true;
    });
    // the same through eth_estimateGas, which ethers runs before sending (the wallet does not
    // know the ABI, so decode the raw data here)
    await assert.rejects(token.transfer(poor, want), (e) => {
      assert.equal(e.code, 'CALL_EXCEPTION', e.message);
      const decoded = token.interface.parseError(e.data);
      assert.equal(decoded?.name, 'InsufficientBalance', e.message);
      assert.deepEqual([...decoded.args], [wallet.address, have, want]);
      return true;
    });

    const client = await env.viemPublic('http');
    const account = env.viemAccount(env.ACCOUNT.erc20);
    await assert.rejects(
      client.simulateContract({
        account,
        address: tokenAddress,
        abi: TestToken.abi,
        functionName: 'transfer',
        args: [poor, want],
      }),
      (e) => {
        assert.ok(e instanceof BaseError, String(e));
        const revert = e.walk((x) => x instanceof ContractFunctionRevertedError);
        assert.ok(revert, e.message);
        assert.equal(revert.data?.errorName, 'InsufficientBalance');
        assert.deepEqual(revert.data.args, [account.address, have, want]);
        return true;
      },
    );
  });

  test('Transfer events by WebSocket subscription: ethers contract.on and viem watchContractEvent', async () => {
    const wsProvider = env.ethersWs();
    closers.push(() => wsProvider.destroy());
    const wsClient = await env.viemPublic('ws');
    closers.push(() => env.closeViem(wsClient));
    const watched = new Contract(tokenAddress, TestToken.abi, wsProvider);
    const to = Wallet.createRandom().address;

    const byEthers = new Map();
    await watched.on('Transfer', (from, _to, value, payload) => {
      if (_to === to) byEthers.set(payload.log.transactionHash, value);
    });
    const byViem = new Map();
    const unwatch = wsClient.watchContractEvent({
      address: tokenAddress,
      abi: TestToken.abi,
      eventName: 'Transfer',
      args: { to },
      onLogs: (ls) => ls.forEach((l) => byViem.set(l.transactionHash, l.args.value)),
      onError: (e) => byViem.set('error', e),
    });
    try {
      let value = 100n;
      const sendOne = async () => (await (await token.transfer(to, ++value)).wait()).hash;
      const both = (h) => {
        if (byViem.has('error')) throw byViem.get('error');
        return byEthers.has(h) && byViem.has(h) ? [byEthers.get(h), byViem.get(h)] : null;
      };
      const [fromEthers, fromViem] = await sendUntilSeen(sendOne, both, 'Transfer over WebSocket');
      assert.equal(fromEthers, fromViem);
      assert.ok(fromEthers > 100n);
    } finally {
      unwatch();
    }
  });
});
