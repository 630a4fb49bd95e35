package io.zgnode.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.processor.BlockContext;
import io.zgnode.evm.processor.ContractAddress;
import io.zgnode.evm.processor.EvmConfig;
import io.zgnode.evm.processor.TransactionProcessor;
import io.zgnode.evm.processor.TransactionResult;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.MapEvmWorld;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisAccount;
import io.zgnode.genesis.Predeploys;
import io.zgnode.state.store.StateDatabase;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The genesis predeploys run on zgnode's EVM as they do on Ethereum. */
class PredeploysExecutionTest {
  /** Runtime: LOG1(offset 0, size 0, topic 7); STOP. */
  private static final String LOGGER_RUNTIME = "600760006000a100";

  /** Init code: CODECOPY the 8-byte runtime that follows it and RETURN it. */
  private static final String LOGGER_INIT = "6008600c60003960086000f3" + LOGGER_RUNTIME;

  private static final Address CALLER =
      Address.fromHex("0x1000000000000000000000000000000000000001");
  private static final long CHAIN_ID = TestKeys.CHAIN_ID;

  private record Call3(Address target, boolean allowFailure, byte[] data) {}

  private record Result(boolean success, byte[] data) {}

  @Test
  void multicall3AnswersBlockReadsAndAggregate3() {
    MapEvmWorld world = worldWithPredeploys();
    BlockContext block = block(1234);

    assertEquals(BigInteger.valueOf(1234), word(call(world, block, selector("getBlockNumber()"))));
    assertEquals(BigInteger.valueOf(CHAIN_ID), word(call(world, block, selector("getChainId()"))));
    assertEquals(BigInteger.valueOf(7), word(call(world, block, selector("getBasefee()"))));

    List<Result> results =
        aggregate3Results(
            call(
                world,
                block,
                aggregate3(
                    List.of(
                        new Call3(Predeploys.MULTICALL3, false, selector("getBlockNumber()")),
                        new Call3(
                            Predeploys.MULTICALL3,
                            false,
                            concat(selector("getEthBalance(address)"), pad(CALLER))),
                        // Multicall3 has no fallback: an unknown selector reverts, tolerated here
                        new Call3(Predeploys.MULTICALL3, true, selector("noSuchFunction()"))))));
    assertEquals(3, results.size());
    assertTrue(results.get(0).success());
    assertEquals(BigInteger.valueOf(1234), word(results.get(0).data()));
    assertTrue(results.get(1).success());
    assertEquals(TestKeys.ETH, word(results.get(1).data()));
    assertFalse(results.get(2).success());
    assertEquals(0, results.get(2).data().length);

    // a failure that is not allowed reverts the whole batch with Multicall3's reason
    TransactionResult failed =
        new TransactionProcessor(EvmConfig.forFork(Fork.PRAGUE))
            .call(
                world,
                block,
                CALLER,
                Predeploys.MULTICALL3,
                aggregate3(List.of(new Call3(Predeploys.MULTICALL3, false, selector("nope()")))),
                BigInteger.ZERO,
                1_000_000,
                Tracer.NO_OP);
    assertEquals(TransactionResult.Status.REVERT, failed.status());
    String reason = new String(failed.output(), StandardCharsets.US_ASCII);
    assertTrue(reason.contains("Multicall3: call failed"), Hex.encode(failed.output()));
  }

  @Test
  void create2DeployerCreatesAtTheCreate2Address() {
    MapEvmWorld world = worldWithPredeploys();
    byte[] salt = Hash.keccak("zgnode".getBytes(StandardCharsets.UTF_8)).toArray();
    byte[] init = Hex.decode(LOGGER_INIT);
    Address expected =
        ContractAddress.create2(Predeploys.CREATE2_DEPLOYER, Hash.wrap(salt), Keccak256.hash(init));

    byte[] out = call(world, block(5), Predeploys.CREATE2_DEPLOYER, concat(salt, init));
    assertEquals(expected, Address.wrap(out), "the proxy returns the 20-byte address");
    assertEquals(LOGGER_RUNTIME, Hex.encodePlain(world.code(expected)));
    assertEquals(2, world.nonce(Predeploys.CREATE2_DEPLOYER), "CREATE2 bumps the creator's nonce");

    // the same salt and code again: the address is taken, so the proxy reverts
    TransactionResult again =
        new TransactionProcessor(EvmConfig.forFork(Fork.PRAGUE))
            .call(
                world,
                block(6),
                CALLER,
                Predeploys.CREATE2_DEPLOYER,
                concat(salt, init),
                BigInteger.ZERO,
                1_000_000,
                Tracer.NO_OP);
    assertEquals(TransactionResult.Status.REVERT, again.status());
  }

  /** Through the whole state machine: a genesis with predeploys, signed transactions, receipts. */
  @Test
  void transactionsUseBothPredeploysInAChain() {
    String genesis =
        Predeploys.addTo(AppGenesis.devnet(CHAIN_ID, List.of(TestKeys.address(0)), TestKeys.ETH))
            .toJson();
    try (Chain c = new Chain(StateDatabase.inMemory(), TxDecoder.withDefaults(), false)) {
      c.initChain("zg-evm", 1, genesis);
      c.finalizeBlock(new BlockInput(1, 1, new byte[20], List.of()));
      c.commit();
      assertEquals(
          Predeploys.MULTICALL3_CODE_HASH,
          c.committedView().account(Predeploys.MULTICALL3).codeHash());
      assertEquals(
          Predeploys.CREATE2_DEPLOYER_CODE_HASH,
          c.committedView().account(Predeploys.CREATE2_DEPLOYER).codeHash());

      byte[] salt = new byte[32];
      salt[31] = 1;
      byte[] init = Hex.decode(LOGGER_INIT);
      Address logger =
          ContractAddress.create2(
              Predeploys.CREATE2_DEPLOYER, Hash.wrap(salt), Keccak256.hash(init));
      Transaction deploy = tx(0, Predeploys.CREATE2_DEPLOYER, concat(salt, init));
      Transaction batch =
          tx(
              1,
              Predeploys.MULTICALL3,
              aggregate3(
                  List.of(
                      new Call3(logger, false, new byte[0]),
                      new Call3(Predeploys.MULTICALL3, false, selector("getBlockNumber()")))));
      assertTrue(c.checkTx(deploy.encoded()).accepted());
      BlockResult b2 =
          c.finalizeBlock(
              new BlockInput(2, 2, new byte[20], List.of(deploy.encoded(), batch.encoded())));
      c.commit();
      assertEquals(TxCode.OK, b2.txResults().get(0).code(), b2.txResults().get(0).log());
      assertEquals(TxCode.OK, b2.txResults().get(1).code(), b2.txResults().get(1).log());
      assertEquals(LOGGER_RUNTIME, Hex.encodePlain(c.committedView().code(logger)));

      Receipt r = c.receipt(batch.hash());
      assertTrue(r.success());
      assertEquals(1, r.logs().size(), "aggregate3 called the CREATE2-deployed contract");
      assertEquals(logger, r.logs().get(0).address());
      assertEquals(Hash.fromHex("0x" + "0".repeat(63) + "7"), r.logs().get(0).topics().get(0));
    }
  }

  private static Transaction tx(long nonce, Address to, byte[] data) {
    return TransactionBuilder.eip1559()
        .chainId(CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(TestKeys.GWEI)
        .maxFeePerGas(TestKeys.GWEI.multiply(BigInteger.TWO))
        .gasLimit(500_000)
        .to(to)
        .data(data)
        .sign(TestKeys.key(0));
  }

  private static MapEvmWorld worldWithPredeploys() {
    MapEvmWorld world = new MapEvmWorld();
    for (GenesisAccount a : Predeploys.accounts()) {
      world.setNonce(a.address(), a.nonce());
      world.setBalance(a.address(), a.balance());
      world.setCode(a.address(), a.code());
    }
    world.setBalance(CALLER, TestKeys.ETH);
    return world;
  }

  private static BlockContext block(long number) {
    return new BlockContext(
        number,
        1_700_000_000L + number,
        Address.fromHex("0x00000000000000000000000000000000000000cb"),
        30_000_000,
        BigInteger.valueOf(7),
        BigInteger.ZERO,
        Hash.ZERO,
        BigInteger.ONE,
        BigInteger.valueOf(CHAIN_ID),
        n -> Hash.keccak(BigInteger.valueOf(n).toByteArray()));
  }

  private static byte[] call(MapEvmWorld world, BlockContext block, byte[] input) {
    return call(world, block, Predeploys.MULTICALL3, input);
  }

  private static byte[] call(MapEvmWorld world, BlockContext block, Address to, byte[] input) {
    TransactionResult r =
        new TransactionProcessor(EvmConfig.forFork(Fork.PRAGUE))
            .call(world, block, CALLER, to, input, BigInteger.ZERO, 5_000_000, Tracer.NO_OP);
    assertEquals(TransactionResult.Status.SUCCESS, r.status(), Hex.encode(r.output()));
    return r.output();
  }

  private static byte[] selector(String signature) {
    return Arrays.copyOf(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  private static BigInteger word(byte[] data) {
    assertEquals(32, data.length, "one ABI word");
    return new BigInteger(1, data);
  }

  private static byte[] word(long v) {
    return pad(BigInteger.valueOf(v).toByteArray());
  }

  private static byte[] pad(Address a) {
    return pad(a.bytesUnsafe());
  }

  /** Left-pads to 32 bytes (a positive number or an address). */
  private static byte[] pad(byte[] b) {
    byte[] out = new byte[32];
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** ABI encoding of aggregate3((address,bool,bytes)[]). */
  private static byte[] aggregate3(List<Call3> calls) {
    List<byte[]> tuples = new ArrayList<>();
    for (Call3 c : calls) {
      int padded = (c.data().length + 31) / 32 * 32;
      tuples.add(
          concat(
              pad(c.target()),
              word(c.allowFailure() ? 1 : 0),
              word(0x60),
              word(c.data().length),
              Arrays.copyOf(c.data(), padded)));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(selector("aggregate3((address,bool,bytes)[])"));
    out.writeBytes(word(0x20));
    out.writeBytes(word(calls.size()));
    long offset = 32L * calls.size();
    for (byte[] t : tuples) {
      out.writeBytes(word(offset));
      offset += t.length;
    }
    tuples.forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** ABI decoding of (bool,bytes)[]. */
  private static List<Result> aggregate3Results(byte[] out) {
    int array = wordAt(out, 0);
    int n = wordAt(out, array);
    int heads = array + 32;
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int tuple = heads + wordAt(out, heads + 32 * i);
      boolean success = wordAt(out, tuple) == 1;
      int bytes = tuple + wordAt(out, tuple + 32);
      int len = wordAt(out, bytes);
      results.add(new Result(success, Arrays.copyOfRange(out, bytes + 32, bytes + 32 + len)));
    }
    return results;
  }

  private static int wordAt(byte[] data, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(data, offset, offset + 32)).intValueExact();
  }

  @Test
  void abiHelpersRoundTrip() {
    byte[] encoded = aggregate3(List.of(new Call3(CALLER, true, new byte[] {1, 2, 3})));
    // selector, array offset, length, one tuple offset, then the tuple of 5 words
    assertEquals(4 + 32 * 8, encoded.length);
    assertArrayEquals(selector("aggregate3((address,bool,bytes)[])"), Arrays.copyOf(encoded, 4));
    assertEquals("82ad56cb", Hex.encodePlain(Arrays.copyOf(encoded, 4)));
  }
}
