package io.zgnode.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.tx.Authorization;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EIP-7702 in the node: a type-4 transaction is admitted once Prague is active, the authority's
 * account gets the delegation designator, and a call to it runs the delegate's code in the
 * authority's storage.
 */
class SetCodeTransactionTest {
  /** Runtime: SSTORE(0, 42); LOG1(topic 7); STOP. */
  private static final String RUNTIME = "602a60005560076000600" + "0a100";

  private static final String INIT = "600d600c600039600d6000f3" + RUNTIME;

  private static Transaction signed(TransactionBuilder b, long nonce) {
    return b.chainId(TestKeys.CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(TestKeys.GWEI)
        .maxFeePerGas(TestKeys.GWEI.multiply(BigInteger.TWO))
        .sign(TestKeys.key(0));
  }

  @Test
  void delegatedAccountRunsTheDelegateCode() {
    try (Chain c = new Chain(StateDatabase.inMemory(), TxDecoder.withDefaults(), false)) {
      c.initChain("zg-7702", 1, TestKeys.genesis(2, TestKeys.ETH));
      c.finalizeBlock(new BlockInput(1, 1, new byte[20], List.of()));
      c.commit();
      Transaction deploy =
          signed(TransactionBuilder.eip1559().gasLimit(200_000).data(Hex.decode(INIT)), 0);
      c.finalizeBlock(new BlockInput(2, 2, new byte[20], List.of(deploy.encoded())));
      c.commit();
      Address delegate = c.receipt(deploy.hash()).contractAddress();

      // Account 1 delegates to the contract; account 0 sends (and pays for) the type-4 transaction.
      Address authority = TestKeys.address(1);
      Authorization auth =
          Authorization.sign(BigInteger.valueOf(TestKeys.CHAIN_ID), delegate, 0, TestKeys.key(1));
      Transaction setCode =
          signed(
              TransactionBuilder.setCode()
                  .gasLimit(100_000)
                  .to(TestKeys.address(0))
                  .authorizationList(List.of(auth)),
              1);
      assertTrue(c.checkTx(setCode.encoded()).accepted(), c.checkTx(setCode.encoded()).log());
      BlockResult b3 =
          c.finalizeBlock(new BlockInput(3, 3, new byte[20], List.of(setCode.encoded())));
      assertEquals(TxCode.OK, b3.txResults().get(0).code(), b3.txResults().get(0).log());
      c.commit();
      byte[] designator = c.committedView().code(authority);
      assertEquals(23, designator.length);
      assertArrayEquals(Hex.decode("ef0100"), java.util.Arrays.copyOf(designator, 3));
      assertEquals(1, c.committedView().account(authority).nonce(), "authorization bumps nonce");

      Transaction call = signed(TransactionBuilder.eip1559().gasLimit(100_000).to(authority), 2);
      c.finalizeBlock(new BlockInput(4, 4, new byte[20], List.of(call.encoded())));
      c.commit();
      Receipt r = c.receipt(call.hash());
      assertTrue(r.success());
      assertEquals(authority, r.logs().get(0).address(), "the code ran as the authority");
      assertEquals(
          42, c.committedView().storage(authority, Hash.ZERO).toArray()[31], "in its storage");
    }
  }
}
