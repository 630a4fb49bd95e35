package io.zgnode.jsonrpc.eth;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.zgnode.chain.BlockInput;
import io.zgnode.chain.BlockResult;
import io.zgnode.chain.Chain;
import io.zgnode.chain.ChainOptions;
import io.zgnode.chain.mempool.CheckOutcome;
import io.zgnode.chain.mempool.PendingTx;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcMethod;
import io.zgnode.jsonrpc.core.RpcRequest;
import io.zgnode.jsonrpc.core.RpcSession;
import io.zgnode.state.store.StateDatabase;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A real in-memory chain with the eth methods registered over it: sign, send (through CheckTx, as
 * CometBFT would), mine (finalize + commit), and call methods by name. Chain events run on the
 * calling thread unless a test asks for the asynchronous hub.
 */
final class TestNet implements AutoCloseable {
  static final long CHAIN_ID = 36767;
  static final BigInteger ETH = BigInteger.TEN.pow(18);
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger FUNDS = ETH.multiply(BigInteger.valueOf(1000));
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Runtime: copy calldata to memory, LOG2(topic0 = 7, topic1 = caller, data = calldata). */
  static final String LOGGER_RUNTIME = "366000600037336007366000a200";

  /** Init code returning {@link #LOGGER_RUNTIME} (14 bytes at offset 12). */
  static final String LOGGER_INIT = "600e600c600039600e6000f3" + LOGGER_RUNTIME;

  /** Init code storing 42 in slot 0 and 7 in slot 1, then returning {@link #LOGGER_RUNTIME}. */
  static final String STORE_INIT =
      "602a600055" + "6007600155" + "600e6016600039" + "600e6000f3" + LOGGER_RUNTIME;

  final Chain chain;
  final MethodRegistry registry = new MethodRegistry();
  final EthApi.Registration api;
  final MutableClock clock = new MutableClock();
  final FakeSession ws = new FakeSession(true);
  final FakeSession http = new FakeSession(false);
  final RpcConfig config;
  Function<byte[], BroadcastResult> broadcastOverride;
  long height;
  long time = 1_700_000_000L;

  TestNet() {
    this(RpcConfig.DEFAULT, ChainOptions.DEFAULT, true);
  }

  TestNet(RpcConfig config, ChainOptions options, boolean syncEvents) {
    this(config, options, syncEvents, FilterManager.MAX_BUFFERED);
  }

  TestNet(RpcConfig config, ChainOptions options, boolean syncEvents, int filterBuffer) {
    this.config = config;
    chain = new Chain(StateDatabase.inMemory(), TxDecoder.withDefaults(), options);
    List<Address> funded = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      funded.add(address(i));
    }
    chain.initChain("zg-test", 1, AppGenesis.devnet(CHAIN_ID, funded, FUNDS).toJson(), time);
    TxBroadcaster broadcaster =
        raw -> {
          if (broadcastOverride != null) {
            return broadcastOverride.apply(raw);
          }
          CheckOutcome out = chain.checkTx(raw);
          return out.accepted()
              ? BroadcastResult.ACCEPTED
              : BroadcastResult.refused(out.code().code(), out.log());
        };
    EthContext ctx = new EthContext(chain, config, broadcaster, "zgnode/test");
    api =
        EthApi.register(
            registry,
            ctx,
            new EthApi.Options(clock, syncEvents ? Runnable::run : null, false, filterBuffer));
    mine(); // height 1: the genesis and the first block are committed together
  }

  static BigInteger key(int i) {
    return BigInteger.valueOf(1_000_003L * (i + 1));
  }

  static Address address(int i) {
    return Secp256k1.address(key(i));
  }

  static Transaction transfer(int from, long nonce, Address to, BigInteger value) {
    return eip1559(from, nonce, to, value, 21_000, new byte[0]);
  }

  static Transaction eip1559(
      int from, long nonce, Address to, BigInteger value, long gas, byte[] data) {
    return TransactionBuilder.eip1559()
        .chainId(CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(GWEI)
        .maxFeePerGas(GWEI.multiply(BigInteger.TWO))
        .gasLimit(gas)
        .to(to)
        .value(value)
        .data(data)
        .sign(key(from));
  }

  static Transaction deploy(int from, long nonce, String initHex) {
    return eip1559(from, nonce, null, BigInteger.ZERO, 300_000, Hex.decode(initHex));
  }

  /** Admits {@code tx} through CheckTx (as CometBFT does for a broadcast) and returns it. */
  Transaction submit(Transaction tx) {
    CheckOutcome out = chain.checkTx(tx.encoded());
    assertTrue(out.accepted(), out.log());
    return tx;
  }

  /** Commits the next block with every pending transaction. */
  BlockResult mine() {
    List<byte[]> txs = new ArrayList<>();
    for (PendingTx p : chain.pendingPool().all()) {
      txs.add(p.raw());
    }
    return mine(txs);
  }

  BlockResult mine(List<byte[]> txs) {
    height++;
    time += 2;
    BlockResult r = chain.finalizeBlock(new BlockInput(height, time, new byte[20], txs));
    chain.commit();
    return r;
  }

  /** Sends {@code txs} through CheckTx and mines them in one block. */
  BlockResult mine(Transaction... txs) {
    List<byte[]> raws = new ArrayList<>();
    for (Transaction t : txs) {
      submit(t);
      raws.add(t.encoded());
    }
    return mine(raws);
  }

  JsonNode call(String method, Object... params) throws RpcException {
    return call(http, method, params);
  }

  JsonNode call(RpcSession session, String method, Object... params) throws RpcException {
    RpcMethod m =
        registry.find(method).orElseThrow(() -> new AssertionError("not registered: " + method));
    return m.call(new RpcRequest(method, params(params), session));
  }

  /** The error a call must fail with. */
  RpcException error(String method, Object... params) {
    return assertThrows(RpcException.class, () -> call(method, params), method);
  }

  static ArrayNode params(Object... params) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (Object p : params) {
      a.add(p instanceof JsonNode n ? n : MAPPER.valueToTree(p));
    }
    return a;
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  static String hex(BigInteger v) {
    return "0x" + v.toString(16);
  }

  @Override
  public void close() {
    api.close();
    chain.close();
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
