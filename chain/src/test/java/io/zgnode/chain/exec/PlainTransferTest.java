package io.zgnode.chain.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.chain.ChainParams;
import io.zgnode.chain.tx.DecodedTx;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.world.WorldUpdater;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The direct path for plain transfers must leave exactly the state the EVM path leaves. */
class PlainTransferTest {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  @Test
  void directTransfersMatchTheEvm() {
    List<byte[]> raws = new ArrayList<>();
    Address precompile = Address.fromLong(4);
    for (int i = 0; i < 30; i++) {
      BigInteger key = BigInteger.valueOf(1000 + i % 3);
      Address to =
          i % 7 == 0
              ? precompile
              : i % 5 == 0
                  ? Address.fromLong(0xdead00 + i)
                  : Secp256k1.address(BigInteger.valueOf(1000 + (i + 1) % 3));
      raws.add(
          TransactionBuilder.eip1559()
              .chainId(36767)
              .nonce(i / 3)
              .maxPriorityFeePerGas(GWEI.multiply(BigInteger.valueOf(i % 2)))
              .maxFeePerGas(GWEI.multiply(BigInteger.valueOf(3)))
              .gasLimit(30_000)
              .to(to)
              .value(BigInteger.valueOf(i % 4 == 0 ? 0 : 1000 + i))
              .sign(key)
              .encoded());
    }
    assertEquals(run(raws, true), run(raws, false));
  }

  private static Hash run(List<byte[]> raws, boolean fast) {
    try (StateDatabase db = StateDatabase.inMemory()) {
      WorldUpdater world = db.newUpdater();
      for (int k = 0; k < 3; k++) {
        world.setBalance(Secp256k1.address(BigInteger.valueOf(1000 + k)), BigInteger.TEN.pow(20));
      }
      List<DecodedTx> decoded = TxDecoder.withDefaults().decodeAll(raws);
      BlockContext ctx =
          new BlockContext(
              1,
              1,
              Fork.OSAKA,
              GWEI,
              BigInteger.valueOf(36767),
              30_000_000,
              1 << 17,
              Hash.ZERO,
              h -> Hash.ZERO);
      BlockOutcome out = new BlockExecutor(new EvmTxExecutor(fast)).execute(world, ctx, decoded);
      out.results().forEach(r -> assertEquals(io.zgnode.chain.TxCode.OK, r.code(), r.log()));
      world.account(ChainParams.FEE_COLLECTOR);
      return world.computeStateRoot();
    }
  }
}
