package io.zgnode.evm.processor;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.Code;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.EvmWorld;
import io.zgnode.evm.world.TxScope;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.List;

/** Shared set-up for interpreter and processor tests. */
final class Harness {
  static final BigInteger KEY =
      new BigInteger("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8", 16);
  static final Address SENDER = Secp256k1.address(KEY);
  static final Address CONTRACT = Address.fromHex("0x" + "cc".repeat(20));
  static final Address COINBASE = Address.fromHex("0x" + "c0".repeat(20));
  static final BigInteger CHAIN_ID = BigInteger.ONE;

  private static final EnumMap<Fork, TransactionProcessor> PROCESSORS = new EnumMap<>(Fork.class);

  private Harness() {}

  static synchronized TransactionProcessor processor(Fork fork) {
    return PROCESSORS.computeIfAbsent(fork, f -> new TransactionProcessor(EvmConfig.forFork(f)));
  }

  static BlockContext block() {
    return new BlockContext(
        10,
        1_000,
        COINBASE,
        30_000_000,
        BigInteger.TEN,
        BigInteger.ZERO,
        Hash.ZERO,
        BigInteger.ONE,
        CHAIN_ID,
        n -> Hash.keccak(Long.toString(n).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  static byte[] hex(String s) {
    return Hex.decode(s.replace(" ", ""));
  }

  /** Runs {@code code} as the contract at CONTRACT called by SENDER, outside a transaction. */
  static MessageFrame call(Fork fork, EvmWorld world, byte[] code, byte[] input, long gas) {
    return call(fork, world, code, input, gas, Tracer.NO_OP);
  }

  static MessageFrame call(
      Fork fork, EvmWorld world, byte[] code, byte[] input, long gas, Tracer tracer) {
    EvmConfig config = processor(fork).config();
    world.setCode(CONTRACT, code);
    TxScope scope = new TxScope();
    scope.warmAddress(SENDER);
    scope.warmAddress(CONTRACT);
    ExecutionContext ctx =
        new ExecutionContext(
            config, world, scope, block(), SENDER, BigInteger.ONE, List.of(), tracer);
    MessageFrame frame =
        new MessageFrame(
            ctx,
            MessageFrame.Type.MESSAGE_CALL,
            MessageFrame.CallKind.CALL,
            0,
            false,
            SENDER,
            CONTRACT,
            CONTRACT,
            BigInteger.ZERO,
            BigInteger.ZERO,
            input,
            new Code(code),
            null,
            gas,
            ctx.stackFor(0),
            ctx.memoryFor(0));
    Evm.execute(frame);
    return frame;
  }
}
