package io.zgnode.tools.it;

import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.crypto.hd.HdKeys;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The standard development accounts the tests fund and sign with. */
final class DevAccounts {
  static final BigInteger ETH = BigInteger.TEN.pow(18);
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger FUNDS = ETH.multiply(BigInteger.valueOf(10_000));

  private DevAccounts() {}

  static BigInteger key(int i) {
    return HdKeys.devAccount(i);
  }

  static Address address(int i) {
    return Secp256k1.address(key(i));
  }

  static List<Address> first(int n) {
    List<Address> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(address(i));
    }
    return out;
  }

  static byte[] transfer(int from, long nonce, Address to, BigInteger value) {
    return TransactionBuilder.eip1559()
        .chainId(NodeProcess.EVM_CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(GWEI)
        .maxFeePerGas(GWEI.multiply(BigInteger.valueOf(3)))
        .gasLimit(21_000)
        .to(to)
        .value(value)
        .sign(key(from))
        .encoded();
  }
}
