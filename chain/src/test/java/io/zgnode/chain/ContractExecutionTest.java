package io.zgnode.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contracts are created and called in FinalizeBlock, and their receipts are kept at Commit. */
class ContractExecutionTest {
  /** Runtime: SSTORE(0, 42); LOG1(topic 7); STOP. */
  private static final String RUNTIME = "602a6000556007600060 00a100".replace(" ", "");

  /** Init code: CODECOPY the 13-byte runtime that follows it and RETURN it. */
  private static final String INIT = "600d600c600039600d6000f3" + RUNTIME;

  /** Runtime of a contract that always reverts with empty data. */
  private static final String REVERTER_INIT = "6005600c60003960056000f3" + "60006000fd";

  private static Transaction tx(long nonce, Address to, String data, long gas) {
    return TransactionBuilder.eip1559()
        .chainId(TestKeys.CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(TestKeys.GWEI)
        .maxFeePerGas(TestKeys.GWEI.multiply(BigInteger.TWO))
        .gasLimit(gas)
        .to(to)
        .data(Hex.decode(data))
        .sign(TestKeys.key(0));
  }

  @Test
  void deployCallAndRevertWithReceipts() {
    try (Chain c = new Chain(StateDatabase.inMemory(), TxDecoder.withDefaults(), false)) {
      c.initChain("zg-evm", 1, TestKeys.genesis(1, TestKeys.ETH));
      c.finalizeBlock(new BlockInput(1, 1, new byte[20], List.of()));
      c.commit();

      Transaction deploy = tx(0, null, INIT, 200_000);
      Transaction deployReverter = tx(1, null, REVERTER_INIT, 200_000);
      assertTrue(c.checkTx(deploy.encoded()).accepted());
      BlockResult b2 =
          c.finalizeBlock(
              new BlockInput(
                  2, 2, new byte[20], List.of(deploy.encoded(), deployReverter.encoded())));
      assertEquals(TxCode.OK, b2.txResults().get(0).code(), b2.txResults().get(0).log());
      c.commit();
      Receipt created = c.receipt(deploy.hash());
      assertNotNull(created);
      assertTrue(created.success());
      Address contract = created.contractAddress();
      assertNotNull(contract);
      assertEquals(RUNTIME, Hex.encodePlain(c.committedView().code(contract)));
      Address reverter = c.receipt(deployReverter.hash()).contractAddress();

      Transaction call = tx(2, contract, "", 100_000);
      Transaction failing = tx(3, reverter, "", 100_000);
      BlockResult b3 =
          c.finalizeBlock(
              new BlockInput(3, 3, new byte[20], List.of(call.encoded(), failing.encoded())));
      c.commit();
      assertEquals(TxCode.OK, b3.txResults().get(0).code(), b3.txResults().get(0).log());
      assertEquals(TxCode.EXECUTION_FAILED, b3.txResults().get(1).code());
      assertEquals("execution reverted", b3.txResults().get(1).log());

      Receipt r = c.receipt(call.hash());
      assertTrue(r.success());
      assertEquals(1, r.logs().size());
      assertEquals(contract, r.logs().get(0).address());
      assertEquals(Hash.fromHex("0x" + "0".repeat(63) + "7"), r.logs().get(0).topics().get(0));
      assertEquals(r.gasUsed(), b3.txResults().get(0).gasUsed());
      byte[] slot0 = c.committedView().storage(contract, Hash.ZERO).toArray();
      assertEquals(42, slot0[31]);
      Receipt failed = c.receipt(failing.hash());
      assertFalse(failed.success());
      assertEquals(r.gasUsed() + failed.gasUsed(), failed.cumulativeGasUsed());
      assertEquals(4, c.committedView().account(TestKeys.address(0)).nonce());
    }
  }
}
