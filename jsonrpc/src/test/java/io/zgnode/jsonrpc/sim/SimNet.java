package io.zgnode.jsonrpc.sim;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.zgnode.chain.BlockInput;
import io.zgnode.chain.Chain;
import io.zgnode.chain.ChainOptions;
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
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcMethod;
import io.zgnode.jsonrpc.core.RpcRequest;
import io.zgnode.jsonrpc.eth.BroadcastResult;
import io.zgnode.jsonrpc.eth.EthContext;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.world.Account;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A real in-memory chain with hand-assembled contracts in its genesis and the simulation and debug
 * methods registered over it.
 */
public final class SimNet implements AutoCloseable {
  public static final long CHAIN_ID = 36767;
  public static final BigInteger ETH = BigInteger.TEN.pow(18);
  public static final BigInteger GWEI = BigInteger.TEN.pow(9);
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /** Empty calldata: returns slot 0; else stores calldata word 0 in slot 0. Slot 0 starts at 5. */
  public static final Address STORE = Address.fromLong(0x1000);

  /** Calls STORE with 63/64 of its gas and its own calldata; reverts if that call fails. */
  public static final Address CALLER = Address.fromLong(0x1001);

  /** Reverts with Error("nope"). */
  public static final Address REVERTER = Address.fromLong(0x1002);

  /** Reverts with a custom error: 0xdeadbeef and the word 7. */
  public static final Address CUSTOM = Address.fromLong(0x1004);

  /** The INVALID instruction. */
  public static final Address INVALID = Address.fromLong(0x1005);

  /** Loops for ever. */
  public static final Address LOOP = Address.fromLong(0x1006);

  /** Logs its calldata with LOG2(7, caller). */
  public static final Address LOGGER = Address.fromLong(0x100a);

  /** Calls LOGGER, then reverts with empty data. */
  public static final Address LOG_THEN_REVERT = Address.fromLong(0x100b);

  public static final String STORE_RUNTIME = "36600f5760005460005260206000f35b60003560005500";
  public static final byte[] NOPE = errorString("nope");
  public static final byte[] CUSTOM_ERROR = Hex.decode("deadbeef" + "0".repeat(63) + "7");

  public final Chain chain;
  public final MethodRegistry registry = new MethodRegistry();
  public long height;
  long time = 1_700_000_000L;

  public SimNet() {
    this(RpcConfig.DEFAULT);
  }

  public SimNet(RpcConfig config) {
    chain = new Chain(StateDatabase.inMemory(), TxDecoder.withDefaults(), ChainOptions.DEFAULT);
    List<GenesisAccount> accounts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      accounts.add(GenesisAccount.funded(address(i), ETH.multiply(BigInteger.valueOf(1000))));
    }
    TreeMap<Hash, Hash> slots = new TreeMap<>();
    slots.put(Hash.ZERO, word(5));
    accounts.add(new GenesisAccount(STORE, BigInteger.ZERO, 1, Hex.decode(STORE_RUNTIME), slots));
    accounts.add(code(CALLER, callerRuntime(STORE)));
    accounts.add(code(REVERTER, blobRuntime(NOPE, true)));
    accounts.add(code(CUSTOM, blobRuntime(CUSTOM_ERROR, true)));
    accounts.add(code(INVALID, Hex.decode("fe")));
    accounts.add(code(LOOP, Hex.decode("5b600056")));
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
    EthContext ctx = new EthContext(chain, config, raw -> BroadcastResult.ACCEPTED, "zgnode/test");
    SimApi.register(registry, ctx);
    mine(); // height 1
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

  /** Code returning or reverting with {@code blob} (also the init code deploying it). */
  public static byte[] blobRuntime(byte[] blob, boolean revert) {
    String len = String.format("%04x", blob.length);
    byte[] h =
        Hex.decode(
            "61" + len + "61000f" + "6000" + "39" + "61" + len + "6000" + (revert ? "fd" : "f3"));
    byte[] out = new byte[h.length + blob.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(blob, 0, out, h.length, blob.length);
    return out;
  }

  static byte[] callerRuntime(Address target) {
    return Hex.decode(
        "36600060003760006000366000600073"
            + Hex.encodePlain(target.bytesUnsafe())
            + "5af1602e5760006000fd5b00");
  }

  public long nonce(int i) {
    Account a = chain.committedView().account(address(i));
    return a == null ? 0 : a.nonce();
  }

  public Transaction tx(int from, Address to, BigInteger value, long gas, byte[] data) {
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

  public void mine(Transaction... txs) {
    List<byte[]> raws = new ArrayList<>();
    for (Transaction t : txs) {
      raws.add(t.encoded());
    }
    height++;
    time += 2;
    chain.finalizeBlock(new BlockInput(height, time, new byte[20], raws));
    chain.commit();
  }

  /** Mines {@code tx} alone; returns its receipt (it must have been included). */
  public Receipt include(Transaction tx) {
    mine(tx);
    Receipt r = chain.receipt(tx.hash());
    assertNotNull(r, "not included");
    return r;
  }

  public JsonNode call(String method, Object... params) throws RpcException {
    RpcMethod m =
        registry.find(method).orElseThrow(() -> new AssertionError("not registered: " + method));
    return m.call(new RpcRequest(method, params(params), null));
  }

  public RpcException error(String method, Object... params) {
    return assertThrows(RpcException.class, () -> call(method, params), method);
  }

  public static ArrayNode params(Object... params) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (Object p : params) {
      a.add(p instanceof JsonNode n ? n : MAPPER.valueToTree(p));
    }
    return a;
  }

  /** JSON with single quotes for readability. */
  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  @Override
  public void close() {
    chain.close();
  }
}
