package io.zgnode.abci.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VarintFramingTest {

  private static final HexFormat HEX = HexFormat.of();

  private static InputStream stream(String hex) {
    return new ByteArrayInputStream(HEX.parseHex(hex));
  }

  /** Unsigned varint encodings (not zig-zag: 1 is 01, not 02). */
  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "1, 01",
    "127, 7f",
    "128, 8001",
    "300, ac02",
    "16384, 808001",
    "2147483647, ffffffff07"
  })
  void writesUnsignedVarints(int value, String hex) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VarintFraming.writeLength(out, value);
    assertEquals(hex, HEX.formatHex(out.toByteArray()));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 127, 128, 300, 70_000})
  void roundTripsFrames(int size) throws IOException {
    byte[] payload = new byte[size];
    Arrays.fill(payload, (byte) 0x5a);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VarintFraming.writeLength(out, size);
    out.write(payload);
    VarintFraming.writeLength(out, 1);
    out.write(9);
    InputStream in = new ByteArrayInputStream(out.toByteArray());
    assertArrayEquals(payload, VarintFraming.readFrame(in, 100_000));
    assertArrayEquals(new byte[] {9}, VarintFraming.readFrame(in, 100_000));
    assertNull(VarintFraming.readFrame(in, 100_000), "clean end of stream");
  }

  @Test
  void acceptsExactlyTheMaximum() throws IOException {
    assertEquals(3, VarintFraming.readFrame(stream("03010203"), 3).length);
    FrameTooLargeException e =
        assertThrows(FrameTooLargeException.class, () -> VarintFraming.readFrame(stream("04"), 3));
    assertTrue(e.getMessage().contains("4 bytes"), e.getMessage());
  }

  @Test
  void rejectsAHugeLengthBeforeReadingTheBody() {
    // 2^63 + 1: a length no int can hold, reported unsigned.
    FrameTooLargeException e =
        assertThrows(
            FrameTooLargeException.class,
            () -> VarintFraming.readFrame(stream("81808080808080808001"), 1 << 20));
    assertTrue(e.getMessage().contains("9223372036854775809"), e.getMessage());
  }

  @Test
  void rejectsAPrefixLongerThan64Bits() {
    assertThrows(
        IOException.class, () -> VarintFraming.readFrame(stream("ffffffffffffffffff7f"), 100));
    assertThrows(
        IOException.class, () -> VarintFraming.readFrame(stream("8080808080808080808001"), 100));
  }

  @Test
  void reportsTruncation() {
    assertThrows(EOFException.class, () -> VarintFraming.readFrame(stream("80"), 100));
    EOFException body =
        assertThrows(EOFException.class, () -> VarintFraming.readFrame(stream("050102"), 100));
    assertTrue(body.getMessage().contains("2 of the 5 bytes"), body.getMessage());
  }

  @Test
  void refusesNegativeLengths() {
    assertThrows(
        IllegalArgumentException.class,
        () -> VarintFraming.writeLength(new ByteArrayOutputStream(), -1));
  }
}
