package io.zgnode.chain;

import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Deterministic keys and signed transfers for the state machine's tests. */
final class TestKeys {
  static final long CHAIN_ID = 36767;
  static final BigInteger ETH = BigInteger.TEN.pow(18);
  static final BigInteger GWEI = BigInteger.TEN.pow(9);

  private TestKeys() {}

  static BigInteger key(int i) {
    return BigInteger.valueOf(1_000_003L * (i + 1));
  }

  static Address address(int i) {
    return Secp256k1.address(key(i));
  }

  static String genesis(int accounts, BigInteger each) {
    List<Address> funded = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      funded.add(address(i));
    }
    return AppGenesis.devnet(CHAIN_ID, funded, each).toJson();
  }

  static Transaction transfer(int from, long nonce, Address to, BigInteger value) {
    return TransactionBuilder.eip1559()
        .chainId(CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(GWEI)
        .maxFeePerGas(GWEI.multiply(BigInteger.TWO))
        .gasLimit(21_000)
        .to(to)
        .value(value)
        .sign(key(from));
  }
}
