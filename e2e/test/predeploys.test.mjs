// The genesis predeploys as tools use them: viem's multicall through Multicall3, and a CREATE2
// deployment through the deterministic deployment proxy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Contract, keccak256 } from 'ethers';
import { concat, getContractAddress, parseAbi, toHex } from 'viem';
import { contracts } from '../lib/contracts.mjs';
import * as env from '../lib/env.mjs';

const { Counter } = contracts();
const MULTICALL3_CODE_HASH = '0xd5c15df687b16f2ff992fc8d767b4216323184a2bbc6ee2f9c398c318e770891';
const CREATE2_DEPLOYER_CODE =
  '0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf3';
const MULTICALL3_ABI = parseAbi([
  'function getBlockNumber() view returns (uint256)',
  'function getChainId() view returns (uint256)',
  'function getEthBalance(address) view returns (uint256)',
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
]);

describe('genesis predeploys', { concurrency: false }, () => {
  let client;
  let walletClient;
  let counter;

  before(async () => {
    client = await env.viemPublic('http');
    walletClient = await env.viemWallet(env.ACCOUNT.predeploys, 'http');
  });

  after(() => {});

  test('both contracts are in the genesis with their published code', async () => {
    assert.equal(keccak256(await env.rpc('eth_getCode', [env.MULTICALL3, 'latest'])), MULTICALL3_CODE_HASH);
    assert.equal(await env.rpc('eth_getCode', [env.CREATE2_DEPLOYER, 'earliest']), CREATE2_DEPLOYER_CODE);
    assert.equal(
      keccak256(await env.rpc('eth_getCode', [env.MULTICALL3, '0x0'])),
      MULTICALL3_CODE_HASH,
      'present at genesis',
    );
  });

  test('CREATE2 through the deterministic deployer lands at the predicted address', async () => {
    const salt = toHex(BigInt(Date.now()) * 1000n + BigInt(process.pid % 1000), { size: 32 });
    const data = concat([salt, Counter.bytecode]);
    const expected = getContractAddress({
      opcode: 'CREATE2',
      from: env.CREATE2_DEPLOYER,
      salt,
      bytecode: Counter.bytecode,
    });
    // the proxy answers the address it would create
    const { data: simulated } = await client.call({
      account: walletClient.account,
      to: env.CREATE2_DEPLOYER,
      data,
    });
    assert.equal(simulated.toLowerCase(), expected.toLowerCase());

    const hash = await walletClient.sendTransaction({ to: env.CREATE2_DEPLOYER, data });
    const receipt = await client.waitForTransactionReceipt({ hash });
    assert.equal(receipt.status, 'success');
    const code = await client.getCode({ address: expected });
    assert.ok(code && code.length > 2, 'the contract exists at the CREATE2 address');
    counter = expected;

    const inc = await walletClient.writeContract({
      address: counter,
      abi: Counter.abi,
      functionName: 'increment',
      args: [3n],
    });
    assert.equal((await client.waitForTransactionReceipt({ hash: inc })).status, 'success');
  });

  test('viem multicall batches reads through Multicall3 in one eth_call', async () => {
    assert.ok(counter, 'the CREATE2 test deployed the counter');
    const address = walletClient.account.address;
    const results = await client.multicall({
      contracts: [
        { address: counter, abi: Counter.abi, functionName: 'count' },
        { address: env.MULTICALL3, abi: MULTICALL3_ABI, functionName: 'getBlockNumber' },
        { address: env.MULTICALL3, abi: MULTICALL3_ABI, functionName: 'getChainId' },
        { address: env.MULTICALL3, abi: MULTICALL3_ABI, functionName: 'getEthBalance', args: [address] },
        // a call that fails: increment(0) reverts with a reason
        { address: counter, abi: Counter.abi, functionName: 'increment', args: [0n] },
      ],
    });
    assert.deepEqual(
      results.map((r) => r.status),
      ['success', 'success', 'success', 'success', 'failure'],
    );
    assert.equal(results[0].result, 3n);
    assert.ok(results[1].result > 0n);
    assert.equal(results[2].result, BigInt(await client.getChainId()));
    assert.equal(results[3].result, await client.getBalance({ address }));
    assert.match(results[4].error.message, /zero increment/);

    // strict mode: any failure throws
    await assert.rejects(
      client.multicall({
        allowFailure: false,
        contracts: [{ address: counter, abi: Counter.abi, functionName: 'increment', args: [0n] }],
      }),
    );
  });

  test('ethers calls aggregate3 directly', async () => {
    const provider = env.ethersHttp();
    try {
      const multicall = new Contract(env.MULTICALL3, MULTICALL3_ABI, provider);
      const counterIface = new Contract(counter, Counter.abi).interface;
      const out = await multicall.aggregate3.staticCall([
        { target: counter, allowFailure: false, callData: counterIface.encodeFunctionData('count') },
        {
          target: env.MULTICALL3,
          allowFailure: true,
          callData: '0xdeadbeef',
        },
      ]);
      assert.equal(out.length, 2);
      assert.equal(out[0].success, true);
      assert.equal(BigInt(out[0].returnData), 3n);
      assert.equal(out[1].success, false);
    } finally {
      await env.closeEthers(provider);
    }
  });
});
