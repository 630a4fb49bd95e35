package io.zgnode.evm.tx;

import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.List;

/** Keys and ready-made transactions of every type for the transaction tests. */
final class TestKeys {
  static final BigInteger KEY =
      new BigInteger("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", 16);
  static final Address SENDER = Secp256k1.address(KEY);
  static final BigInteger OTHER_KEY = BigInteger.valueOf(0xbeefL);
  static final Address TO = Address.fromHex("0x3535353535353535353535353535353535353535");
  static final long CHAIN = 16600;

  private TestKeys() {}

  static List<AccessListEntry> accessList() {
    return List.of(
        new AccessListEntry(TO, List.of(Hash.ZERO, Hash.EMPTY_CODE)),
        new AccessListEntry(Address.fromLong(0x800), List.of()));
  }

  static Hash blobHash(int i) {
    byte[] h = new byte[32];
    h[0] = 0x01;
    h[31] = (byte) i;
    return Hash.wrap(h);
  }

  /** One signed transaction of each type, with non-trivial fields. */
  static List<Transaction> oneOfEach() {
    byte[] data = {0x00, 0x01, (byte) 0xff, 0x00, 0x42};
    return List.of(
        TransactionBuilder.legacy()
            .nonce(7)
            .gasPrice(20_000_000_000L)
            .gasLimit(50_000)
            .to(TO)
            .value(1)
            .data(data)
            .sign(KEY),
        TransactionBuilder.legacy()
            .chainId(CHAIN)
            .nonce(8)
            .gasPrice(1)
            .gasLimit(100_000)
            .data(data)
            .sign(KEY),
        TransactionBuilder.accessList()
            .chainId(CHAIN)
            .nonce(9)
            .gasPrice(3)
            .gasLimit(60_000)
            .to(TO)
            .value(BigInteger.TEN.pow(18))
            .accessList(accessList())
            .sign(KEY),
        TransactionBuilder.eip1559()
            .chainId(CHAIN)
            .nonce(-2L)
            .maxPriorityFeePerGas(2)
            .maxFeePerGas(BigInteger.TWO.pow(200))
            .gasLimit(90_000)
            .data(data)
            .accessList(accessList())
            .sign(KEY),
        TransactionBuilder.blob()
            .chainId(CHAIN)
            .nonce(1)
            .maxPriorityFeePerGas(1)
            .maxFeePerGas(100)
            .gasLimit(21_000)
            .to(TO)
            .maxFeePerBlobGas(7)
            .blobVersionedHashes(List.of(blobHash(1), blobHash(2)))
            .sign(KEY),
        TransactionBuilder.setCode()
            .chainId(CHAIN)
            .nonce(2)
            .maxPriorityFeePerGas(1)
            .maxFeePerGas(100)
            .gasLimit(100_000)
            .to(TO)
            .authorizationList(
                List.of(
                    Authorization.sign(BigInteger.valueOf(CHAIN), TO, 5, OTHER_KEY),
                    Authorization.sign(BigInteger.ZERO, Address.fromLong(1), 0, KEY)))
            .sign(KEY));
  }
}
