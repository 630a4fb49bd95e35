package io.zgnode.evm.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.Code;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.processor.BlockContext;
import io.zgnode.evm.processor.Evm;
import io.zgnode.evm.processor.EvmConfig;
import io.zgnode.evm.processor.ExecutionContext;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.MapEvmWorld;
import io.zgnode.evm.world.TxScope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardJsonTracerTest {
  @Test
  void printsOneLinePerInstructionAndASummary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Address a = Address.fromLong(0xaa);
    byte[] code = Hex.decode("600160020100"); // PUSH1 1 PUSH1 2 ADD STOP
    EvmConfig config = EvmConfig.forFork(Fork.CANCUN);
    MapEvmWorld world = new MapEvmWorld();
    world.setCode(a, code);
    BlockContext block =
        new BlockContext(
            1,
            1,
            Address.ZERO,
            1_000_000,
            BigInteger.ZERO,
            BigInteger.ZERO,
            Hash.ZERO,
            BigInteger.ONE,
            BigInteger.ONE,
            n -> Hash.ZERO);
    ExecutionContext ctx =
        new ExecutionContext(
            config,
            world,
            new TxScope(),
            block,
            a,
            BigInteger.ONE,
            List.of(),
            new StandardJsonTracer(out));
    MessageFrame frame =
        new MessageFrame(
            ctx,
            MessageFrame.Type.MESSAGE_CALL,
            MessageFrame.CallKind.CALL,
            0,
            false,
            a,
            a,
            a,
            BigInteger.ZERO,
            BigInteger.ZERO,
            new byte[0],
            new Code(code),
            null,
            100,
            ctx.stackFor(0),
            ctx.memoryFor(0));
    Evm.execute(frame);
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(5, lines.length);
    assertEquals(
        "{\"pc\":0,\"op\":96,\"gas\":\"0x64\",\"gasCost\":\"0x3\",\"memSize\":0,\"stack\":[],"
            + "\"depth\":1,\"refund\":0,\"opName\":\"PUSH1\"}",
        lines[0]);
    assertEquals(
        "{\"pc\":4,\"op\":1,\"gas\":\"0x5e\",\"gasCost\":\"0x3\",\"memSize\":0,"
            + "\"stack\":[\"0x1\",\"0x2\"],\"depth\":1,\"refund\":0,\"opName\":\"ADD\"}",
        lines[2]);
    assertEquals("{\"output\":\"\",\"gasUsed\":\"0x9\"}", lines[4]);
  }
}
