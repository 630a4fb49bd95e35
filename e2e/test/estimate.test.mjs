// eth_estimateGas answers are exact enough to send: each transaction below is sent with exactly
// the estimated gas and must succeed (storage writes, refunds, contract creation).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Contract, ContractFactory, Wallet } from 'ethers';
import * as env from '../lib/env.mjs';
import { contracts } from '../lib/contracts.mjs';

const { TestToken } = contracts();

describe('eth_estimateGas', { concurrency: false }, () => {
  let provider;
  let wallet;

  before(() => {
    provider = env.ethersHttp();
    wallet = env.ethersWallet(env.ACCOUNT.estimate, provider);
  });

  after(() => env.closeEthers(provider));

  /** Sends {@code tx} with exactly the gas the node estimates; returns the receipt. */
  async function sendWithEstimate(tx) {
    const gasLimit = await provider.estimateGas({ ...tx, from: wallet.address });
    const sent = await wallet.sendTransaction({ ...tx, gasLimit });
    const receipt = await sent.wait();
    assert.equal(receipt.status, 1, `failed with the estimate ${gasLimit}`);
    assert.ok(receipt.gasUsed <= gasLimit);
    return { receipt, gasLimit };
  }

  test('a plain transfer estimates 21000', async () => {
    const to = Wallet.createRandom().address;
    const gas = await provider.estimateGas({ from: wallet.address, to, value: 1n });
    assert.equal(gas, 21_000n);
    const { receipt } = await sendWithEstimate({ to, value: 1n });
    assert.equal(receipt.gasUsed, 21_000n);
  });

  test('deploy, transfer to a new holder, transferFrom, and a refunding transfer, each at its estimate', async () => {
    const factory = new ContractFactory(TestToken.abi, TestToken.bytecode, wallet);
    const deployTx = await factory.getDeployTransaction('Estimate', 'EST', 10n ** 24n);
    const { receipt: created } = await sendWithEstimate(deployTx);
    const token = new Contract(created.contractAddress, TestToken.abi, wallet);
    const iface = token.interface;
    const holder = Wallet.createRandom().address;

    // zero to non-zero balance: 20k storage set
    await sendWithEstimate({
      to: created.contractAddress,
      data: iface.encodeFunctionData('transfer', [holder, 5n]),
    });
    // approve, then transferFrom by the same account (allowance write)
    await sendWithEstimate({
      to: created.contractAddress,
      data: iface.encodeFunctionData('approve', [wallet.address, 1000n]),
    });
    await sendWithEstimate({
      to: created.contractAddress,
      data: iface.encodeFunctionData('transferFrom', [wallet.address, holder, 1000n]),
    });
    // emptying a balance clears a slot and earns a refund: the estimate must still cover the
    // gas needed before the refund
    const all = await token.balanceOf(wallet.address);
    const { receipt } = await sendWithEstimate({
      to: created.contractAddress,
      data: iface.encodeFunctionData('transfer', [holder, all]),
    });
    assert.equal(await token.balanceOf(wallet.address), 0n);
    assert.ok(receipt.gasUsed > 21_000n);
  });

  test('viem estimateContractGas, then writeContract with exactly that gas', async () => {
    const client = await env.viemPublic('http');
    const walletClient = await env.viemWallet(env.ACCOUNT.estimate, 'http');
    const hash = await walletClient.deployContract({
      abi: TestToken.abi,
      bytecode: TestToken.bytecode,
      args: ['Viem', 'VM', 10n ** 20n],
    });
    const created = await client.waitForTransactionReceipt({ hash });
    assert.equal(created.status, 'success');
    const to = Wallet.createRandom().address;
    const request = {
      account: walletClient.account,
      address: created.contractAddress,
      abi: TestToken.abi,
      functionName: 'transfer',
      args: [to, 10n],
    };
    const gas = await client.estimateContractGas(request);
    const sent = await walletClient.writeContract({ ...request, gas });
    const receipt = await client.waitForTransactionReceipt({ hash: sent });
    assert.equal(receipt.status, 'success');
    assert.ok(receipt.gasUsed <= gas);
  });

  test('eth_estimateGas and eth_call at "pending" (as Hardhat Ignition asks)', async () => {
    const to = Wallet.createRandom().address;
    const gas = await env.rpc('eth_estimateGas', [
      { from: wallet.address, to, value: '0x1' },
      'pending',
    ]);
    assert.equal(BigInt(gas), 21_000n);
    const result = await env.rpc('eth_call', [{ from: wallet.address, to, data: '0x' }, 'pending']);
    assert.equal(result, '0x');
  });
});
