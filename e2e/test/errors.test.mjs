// Reverts as geth reports them: eth_call and eth_estimateGas answer JSON-RPC error code 3 with
// "execution reverted[: reason]" and the raw revert bytes in `data`; ethers and viem decode them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ContractFactory, Interface } from 'ethers';
import {
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  encodeErrorResult,
  encodeFunctionData,
} from 'viem';
import { contracts } from '../lib/contracts.mjs';
import * as env from '../lib/env.mjs';

const { Reverter } = contracts();
const ERROR_STRING = [
  { type: 'error', name: 'Error', inputs: [{ name: 'message', type: 'string' }] },
];

describe('reverts with reasons, custom errors and panics', { concurrency: false }, () => {
  let provider;
  let wallet;
  let reverter;
  let address;

  before(async () => {
    provider = env.ethersHttp();
    wallet = env.ethersWallet(env.ACCOUNT.errors, provider);
    const c = await new ContractFactory(Reverter.abi, Reverter.bytecode, wallet).deploy();
    await c.deploymentTransaction().wait();
    reverter = c;
    address = await c.getAddress();
  });

  after(() => env.closeEthers(provider));

  const call = (functionName, args, method = 'eth_call') =>
    env.rpcRaw(method, [
      {
        from: wallet.address,
        to: address,
        data: encodeFunctionData({ abi: Reverter.abi, functionName, args }),
      },
      ...(method === 'eth_call' ? ['latest'] : []),
    ]);

  test('require(reason): code 3, "execution reverted: <reason>", Error(string) data', async () => {
    for (const method of ['eth_call', 'eth_estimateGas']) {
      const r = await call('requireAbove', [3n], method);
      assert.ok(r.error, `${method} must fail: ${JSON.stringify(r)}`);
      assert.equal(r.error.code, 3, JSON.stringify(r.error));
      assert.equal(r.error.message, 'execution reverted: x must be above 10');
      assert.equal(
        r.error.data,
        encodeErrorResult({ abi: ERROR_STRING, errorName: 'Error', args: ['x must be above 10'] }),
      );
    }
    const ok = await call('requireAbove', [11n]);
    assert.equal(BigInt(ok.result), 11n);
  });

  test('custom error: code 3 and the raw error bytes that decode to it', async () => {
    const r = await call('fail', [42n]);
    assert.equal(r.error?.code, 3, JSON.stringify(r));
    // geth says just "execution reverted" when the data is not Error(string)
    assert.match(r.error.message, /^execution reverted/);
    const expected = encodeErrorResult({
      abi: Reverter.abi,
      errorName: 'Failure',
      args: [wallet.address, 42n, 'custom'],
    });
    assert.equal(r.error.data, expected);
    const decoded = decodeErrorResult({ abi: Reverter.abi, data: r.error.data });
    assert.equal(decoded.errorName, 'Failure');
    assert.deepEqual(decoded.args, [wallet.address, 42n, 'custom']);

    const est = await call('fail', [42n], 'eth_estimateGas');
    assert.equal(est.error?.code, 3, JSON.stringify(est));
    assert.equal(est.error.data, expected);
  });

  test('panic: code 3 with Panic(uint256) data', async () => {
    const r = await call('divide', [0n]);
    assert.equal(r.error?.code, 3, JSON.stringify(r));
    assert.match(r.error.message, /^execution reverted/);
    const panic = new Interface(['error Panic(uint256)']).encodeErrorResult('Panic', [0x12]);
    assert.equal(r.error.data, panic);
  });

  test('ethers: error.reason, error.revert for custom errors and panics', async () => {
    await assert.rejects(reverter.requireAbove(1n), (e) => {
      assert.equal(e.code, 'CALL_EXCEPTION', e.message);
      assert.equal(e.reason, 'x must be above 10');
      assert.equal(e.revert?.name, 'Error');
      return true;
    });
    await assert.rejects(reverter.fail(7n), (e) => {
      assert.equal(e.code, 'CALL_EXCEPTION', e.message);
      assert.equal(e.revert?.name, 'Failure');
      assert.deepEqual([...e.revert.args], [wallet.address, 7n, 'custom']);
      return true;
    });
    await assert.rejects(reverter.divide(0n), (e) => {
      assert.equal(e.code, 'CALL_EXCEPTION', e.message);
      assert.equal(e.revert?.name, 'Panic');
      assert.equal(BigInt(e.revert.args[0]), 0x12n);
      return true;
    });
    // a state-changing call that would revert fails at estimation, with the reason
    await assert.rejects(reverter.store(13n), (e) => {
      assert.equal(e.code, 'CALL_EXCEPTION', e.message);
      assert.equal(e.reason, 'unlucky number');
      return true;
    });
  });

  test('viem: ContractFunctionRevertedError with the reason, the custom error and the panic', async () => {
    const client = await env.viemPublic('http');
    const read = (functionName, args) =>
      client.readContract({ address, abi: Reverter.abi, functionName, args, account: wallet.address });
    const revertOf = (e) => {
      assert.ok(e instanceof BaseError, String(e));
      const r = e.walk((x) => x instanceof ContractFunctionRevertedError);
      assert.ok(r, e.message);
      return r;
    };
    await assert.rejects(read('requireAbove', [2n]), (e) => {
      assert.equal(revertOf(e).reason, 'x must be above 10');
      return true;
    });
    await assert.rejects(read('fail', [9n]), (e) => {
      const r = revertOf(e);
      assert.equal(r.data?.errorName, 'Failure');
      assert.deepEqual(r.data.args, [wallet.address, 9n, 'custom']);
      return true;
    });
    await assert.rejects(read('divide', [0n]), (e) => {
      const r = revertOf(e);
      assert.equal(r.data?.errorName, 'Panic');
      assert.equal(BigInt(r.data.args[0]), 0x12n);
      return true;
    });
    const walletClient = await env.viemWallet(env.ACCOUNT.errors, 'http');
    await assert.rejects(
      walletClient.writeContract({
        address,
        abi: Reverter.abi,
        functionName: 'store',
        args: [13n],
      }),
      (e) => {
        assert.match(e.message, /unlucky number/);
        return true;
      },
    );
  });

  test('a reverting transaction sent anyway is mined with status 0 and its revert is replayable', async () => {
    const tx = await reverter.store(13n, { gasLimit: 100_000 });
    await assert.rejects(tx.wait(), (e) => {
      assert.equal(e.code, 'CALL_EXCEPTION', e.message);
      assert.equal(e.receipt?.status, 0);
      return true;
    });
    const receipt = await provider.getTransactionReceipt(tx.hash);
    assert.equal(receipt.status, 0);
    assert.ok(receipt.gasUsed > 21_000n && receipt.gasUsed < 100_000n, String(receipt.gasUsed));
    const ok = await reverter.store(14n);
    assert.equal((await ok.wait()).status, 1);
    assert.equal(await reverter.stored(), 14n);
  });
});
