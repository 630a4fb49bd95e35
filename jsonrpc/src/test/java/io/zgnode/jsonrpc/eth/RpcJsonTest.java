package io.zgnode.jsonrpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.RpcException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RpcJsonTest {

  @Test
  void quantitiesAreStrict() throws Exception {
    assertEquals(0, RpcJson.parseLong(TextNode.valueOf("0x0"), "n"));
    assertEquals(255, RpcJson.parseLong(TextNode.valueOf("0xff"), "n"));
    assertEquals(7, RpcJson.parseLong(IntNode.valueOf(7), "n"));
    for (String bad : new String[] {"0x", "0x00", "0x01", "12", "0xg", "0x" + "f".repeat(17)}) {
      RpcException e =
          assertThrows(RpcException.class, () -> RpcJson.parseLong(TextNode.valueOf(bad), "n"));
      assertEquals(RpcException.INVALID_PARAMS, e.code(), bad);
    }
    assertEquals(
        BigInteger.TWO.pow(255), RpcJson.parseBig(TextNode.valueOf("0x8" + "0".repeat(63)), "n"));
    assertEquals("0x0", RpcJson.quantity(0).asText());
    assertEquals("0xffffffffffffffff", RpcJson.quantity(-1L).asText(), "unsigned 64-bit");
  }

  @Test
  void storageKeysAsGethReadsThem() throws Exception {
    Hash one = Hash.fromHex("0x" + "00".repeat(31) + "01");
    assertEquals(one, RpcJson.parseStorageKey(TextNode.valueOf("0x1"), "k"));
    assertEquals(one, RpcJson.parseStorageKey(TextNode.valueOf("0x01"), "k"));
    assertEquals(one, RpcJson.parseStorageKey(TextNode.valueOf("1"), "k"));
    assertEquals(one, RpcJson.parseStorageKey(TextNode.valueOf(one.toHex()), "k"));
    assertEquals(Hash.ZERO, RpcJson.parseStorageKey(TextNode.valueOf("0x"), "k"));
    assertThrows(
        RpcException.class,
        () -> RpcJson.parseStorageKey(TextNode.valueOf("0x" + "1".repeat(65)), "k"));
    assertThrows(RpcException.class, () -> RpcJson.parseStorageKey(IntNode.valueOf(1), "k"));
  }

  @Test
  void blockSizeListHeaders() {
    assertEquals(1, EthJson.listLength(0));
    assertEquals(56, EthJson.listLength(55));
    assertEquals(58, EthJson.listLength(56));
    assertEquals(259, EthJson.listLength(256));
    assertEquals(65_538, EthJson.listLength(65_535));
    assertEquals(65_540, EthJson.listLength(65_536));
  }

  @Test
  void feeCapMessageAsGeth() throws Exception {
    io.zgnode.evm.tx.Transaction tx =
        io.zgnode.evm.tx.TransactionBuilder.legacy()
            .chainId(1)
            .gasPrice(BigInteger.TEN.pow(13))
            .gasLimit(1_000_000)
            .to(io.zgnode.evm.types.Address.ZERO)
            .sign(BigInteger.valueOf(12345));
    TransactionMethods.checkFeeCap(tx, BigInteger.TEN.pow(19));
    TransactionMethods.checkFeeCap(tx, BigInteger.ZERO);
    RpcException e =
        assertThrows(
            RpcException.class, () -> TransactionMethods.checkFeeCap(tx, BigInteger.TEN.pow(18)));
    assertEquals("tx fee (10.00 ether) exceeds the configured cap (1.00 ether)", e.getMessage());
  }
}
