package io.zgnode.chain.sim;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.BlockInput;
import io.zgnode.chain.BlockResult;
import io.zgnode.chain.Chain;
import io.zgnode.chain.ChainOptions;
import io.zgnode.chain.TxCode;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.EvmGenesis;
import io.zgnode.genesis.FeeMarketParams;
import io.zgnode.genesis.ForkActivation;
import io.zgnode.genesis.GenesisAccount;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.world.Account;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A real in-memory chain with hand-assembled contracts in its genesis, for the simulation tests
 * here and (through this module's test jar) the JSON-RPC's simulation and debug tests.
 */
public class SimFixture implements AutoCloseable {
  public static final long CHAIN_ID = 36767;
  public static final BigInteger ETH = BigInteger.TEN.pow(18);
  public static final BigInteger GWEI = BigInteger.TEN.pow(9);

  /** Empty calldata: returns slot 0; else stores calldata word 0 in slot 0. Slot 0 starts at 5. */
  public static final Address STORE = contract(0x1000);

  /** Calls STORE with all its gas (63/64) and its own calldata; reverts if that call fails. */
  public static final Address CALLER = contract(0x1001);

  /** Reverts with Error("nope"). */
  public static final Address REVERTER = contract(0x1002);

  /** Reverts with Panic(0x01), assert(false). */
  public static final Address PANICKER = contract(0x1003);

  /** Reverts with a custom error: selector 0xdeadbeef and the word 7. */
  public static final Address CUSTOM = contract(0x1004);

  /** The designated INVALID instruction. */
  public static final Address INVALID = contract(0x1005);

  /** Loops for ever. */
  public static final Address LOOP = contract(0x1006);

  /** Returns the gas left (GAS). */
  public static final Address GAS = contract(0x1007);

  /** Returns NUMBER. */
  public static final Address NUMBER = contract(0x1008);

  /** ADD on an empty stack. */
  public static final Address UNDERFLOW = contract(0x1009);

  /** Logs its calldata with LOG2(7, caller). */
  public static final Address LOGGER = contract(0x100a);

  /** Calls LOGGER, then reverts with empty data. */
  public static final Address LOG_THEN_REVERT = contract(0x100b);

  public static final String STORE_RUNTIME = "36600f5760005460005260206000f35b60003560005500";
  public static final byte[] NOPE = errorString("nope");
  public static final byte[] PANIC_ASSERT = Hex.decode("4e487b71" + "0".repeat(63) + "1");
  public static final byte[] CUSTOM_ERROR = Hex.decode("deadbeef" + "0".repeat(63) + "7");

  public final Chain chain;
  public long height;
  public long time = 1_700_000_000L;

  public SimFixture() {
    this(ChainOptions.DEFAULT);
  }

  public SimFixture(ChainOptions options) {
    chain = new Chain(StateDatabase.inMemory(), TxDecoder.withDefaults(), options);
    List<GenesisAccount> accounts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      accounts.add(GenesisAccount.funded(address(i), ETH.multiply(BigInteger.valueOf(1000))));
    }
    TreeMap<Hash, Hash> storeSlots = new TreeMap<>();
    storeSlots.put(Hash.ZERO, word(5));
    accounts.add(
        new GenesisAccount(STORE, BigInteger.ZERO, 1, Hex.decode(STORE_RUNTIME), storeSlots));
    accounts.add(code(CALLER, callerRuntime(STORE)));
    accounts.add(code(REVERTER, blobRuntime(NOPE, true)));
    accounts.add(code(PANICKER, blobRuntime(PANIC_ASSERT, true)));
    accounts.add(code(CUSTOM, blobRuntime(CUSTOM_ERROR, true)));
    accounts.add(code(INVALID, Hex.decode("fe")));
    accounts.add(code(LOOP, Hex.decode("5b600056")));
    accounts.add(code(GAS, Hex.decode("5a60005260206000f3")));
    accounts.add(code(NUMBER, Hex.decode("4360005260206000f3")));
    accounts.add(code(UNDERFLOW, Hex.decode("01")));
    accounts.add(code(LOGGER, Hex.decode("366000600037336007366000a200")));
    // CALL(gas, LOGGER, 0, 0, 0, 0, 0), then REVERT(0, 0)
    accounts.add(
        code(
            LOG_THEN_REVERT,
            Hex.decode(
                "6000600060006000600073"
                    + Hex.encodePlain(LOGGER.bytesUnsafe())
                    + "5af160006000fd")));
    AppGenesis genesis =
        new AppGenesis(
            new EvmGenesis(
                CHAIN_ID, List.of(new ForkActivation(EvmGenesis.DEFAULT_FORK, 0)), accounts),
            FeeMarketParams.defaults());
    chain.initChain("zg-sim", 1, genesis.toJson(), time);
    mine(); // height 1
  }

  public static Address contract(int n) {
    return Address.fromLong(n);
  }

  private static GenesisAccount code(Address a, byte[] code) {
    return new GenesisAccount(a, BigInteger.ZERO, 1, code, new TreeMap<>());
  }

  public static BigInteger key(int i) {
    return BigInteger.valueOf(7_000_003L * (i + 1));
  }

  public static Address address(int i) {
    return Secp256k1.address(key(i));
  }

  public static Hash word(long v) {
    return Hash.wrap(Hex.decode(String.format("%064x", v)));
  }

  /** ABI encoding of Error(string). */
  public static byte[] errorString(String s) {
    byte[] msg = s.getBytes(StandardCharsets.UTF_8);
    int padded = (msg.length + 31) / 32 * 32;
    byte[] out = new byte[4 + 32 + 32 + padded];
    System.arraycopy(Hex.decode("08c379a0"), 0, out, 0, 4);
    out[4 + 31] = 0x20;
    out[4 + 32 + 31] = (byte) msg.length;
    System.arraycopy(msg, 0, out, 4 + 64, msg.length);
    return out;
  }

  /**
   * Code that copies {@code blob} (which follows a 15-byte header) to memory and returns or reverts
   * with it. With {@code revert} false it is also the init code that deploys {@code blob}.
   */
  public static byte[] blobRuntime(byte[] blob, boolean revert) {
    String len = String.format("%04x", blob.length);
    String head =
        "61" + len + "61000f" + "6000" + "39" + "61" + len + "6000" + (revert ? "fd" : "f3");
    byte[] h = Hex.decode(head);
    byte[] out = new byte[h.length + blob.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(blob, 0, out, h.length, blob.length);
    return out;
  }

  /** CALLDATACOPY, CALL(gas, target, 0, calldata), revert unless it succeeded. */
  public static byte[] callerRuntime(Address target) {
    return Hex.decode(
        "36600060003760006000366000600073"
            + Hex.encodePlain(target.bytesUnsafe())
            + "5af1602e5760006000fd5b00");
  }

  public final long nonce(int i) {
    Account a = chain.committedView().account(address(i));
    return a == null ? 0 : a.nonce();
  }

  /** A signed EIP-1559 transaction from key {@code from} at its next committed nonce. */
  public final Transaction tx(int from, Address to, BigInteger value, long gas, byte[] data) {
    return TransactionBuilder.eip1559()
        .chainId(CHAIN_ID)
        .nonce(nonce(from))
        .maxPriorityFeePerGas(GWEI)
        .maxFeePerGas(GWEI.multiply(BigInteger.valueOf(100)))
        .gasLimit(gas)
        .to(to)
        .value(value)
        .data(data)
        .sign(key(from));
  }

  public final BlockResult mine(Transaction... txs) {
    List<byte[]> raws = new ArrayList<>();
    for (Transaction t : txs) {
      raws.add(t.encoded());
    }
    height++;
    time += 2;
    BlockResult r = chain.finalizeBlock(new BlockInput(height, time, new byte[20], raws));
    chain.commit();
    return r;
  }

  /** Mines {@code tx} alone and returns its receipt, asserting it was included. */
  public final Receipt include(Transaction tx) {
    BlockResult r = mine(tx);
    TxCode code = r.txResults().get(0).code();
    assertTrue(
        code == TxCode.OK || code == TxCode.EXECUTION_FAILED,
        "not included: " + r.txResults().get(0).log());
    Receipt receipt = chain.receipt(tx.hash());
    assertNotNull(receipt);
    return receipt;
  }

  @Override
  public void close() {
    chain.close();
  }
}
