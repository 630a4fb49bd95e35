package io.zgnode.evm.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.tx.InvalidTransactionException.Reason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input must always end in an InvalidTransactionException with a message, never a crash. */
class MalformedTransactionTest {
  private static final int FUZZ_ITERATIONS = 100_000;

  /** Decodes, and on success checks that the input was canonical; returns null on rejection. */
  private static Transaction decodeOrReject(byte[] raw) {
    try {
      Transaction tx = TransactionDecoder.decode(raw);
      // Strictness means only the canonical encoding of a transaction is accepted.
      assertArrayEquals(raw, TransactionEncoder.encode(tx), "accepted a non-canonical encoding");
      tx.hash();
      tx.signingHash();
      return tx;
    } catch (InvalidTransactionException e) {
      assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "message for " + e.reason());
      return null;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("decode of " + Hex.encode(raw) + " threw " + e, e);
    }
  }

  private static Reason reason(byte[] raw) {
    return assertThrows(InvalidTransactionException.class, () -> TransactionDecoder.decode(raw))
        .reason();
  }

  @Test
  void emptyAndNullInput() {
    assertEquals(Reason.MALFORMED_RLP, reason(new byte[0]));
    assertEquals(Reason.MALFORMED_RLP, reason(null));
  }

  @Test
  void unknownTypes() {
    assertEquals(Reason.TYPE_NOT_SUPPORTED, reason(new byte[] {0x00, (byte) 0xc0}));
    assertEquals(Reason.TYPE_NOT_SUPPORTED, reason(new byte[] {0x05, (byte) 0xc0}));
    assertEquals(Reason.TYPE_NOT_SUPPORTED, reason(new byte[] {0x7f}));
    byte[] blob = TestKeys.oneOfEach().get(4).encoded();
    InvalidTransactionException e =
        assertThrows(
            InvalidTransactionException.class,
            () -> TransactionDecoder.decode(blob, Fork.SHANGHAI));
    assertEquals(Reason.TYPE_NOT_SUPPORTED, e.reason());
    assertTrue(e.getMessage().contains("Cancun"), e.getMessage());
  }

  @Test
  void everyTruncationIsRejected() {
    for (Transaction tx : TestKeys.oneOfEach()) {
      byte[] enc = tx.encoded();
      for (int len = 0; len < enc.length; len++) {
        byte[] cut = Arrays.copyOf(enc, len);
        assertThrows(
            InvalidTransactionException.class,
            () -> TransactionDecoder.decode(cut),
            () -> "truncated to " + cut.length);
      }
    }
  }

  @Test
  void trailingBytesAreRejected() {
    for (Transaction tx : TestKeys.oneOfEach()) {
      byte[] enc = tx.encoded();
      byte[] longer = Arrays.copyOf(enc, enc.length + 1);
      assertEquals(Reason.MALFORMED_RLP, reason(longer));
    }
  }

  @Test
  void oversizedLengthsAreRejected() {
    // Long-form list and string headers claiming far more than is present, up to 2^64-1.
    assertEquals(Reason.MALFORMED_RLP, reason(Hex.decode("0xffffffffffffffffff")));
    assertEquals(Reason.MALFORMED_RLP, reason(Hex.decode("0xfbffffffff00")));
    assertEquals(Reason.MALFORMED_RLP, reason(Hex.decode("0xf9ffff80")));
    assertEquals(Reason.MALFORMED_RLP, reason(Hex.decode("0x02fbffffffff")));
    assertEquals(Reason.MALFORMED_RLP, reason(Hex.decode("0xc3bfffffffffffffffff80")));
    // A field whose string header runs past the end of the list.
    assertEquals(Reason.MALFORMED_RLP, reason(Hex.decode("0xc9b9ffff00000000000000")));
  }

  @Test
  void fieldRangeErrorsHaveSpecificReasons() {
    // Legacy with a 9-byte nonce.
    byte[] nonce9 =
        new RlpWriter()
            .startList()
            .writeBytes(Hex.decode("0x010000000000000000"))
            .writeLong(1)
            .writeLong(21_000)
            .writeBytes(TestKeys.TO.bytesUnsafe())
            .writeLong(0)
            .writeBytes(new byte[0])
            .writeLong(27)
            .writeLong(1)
            .writeLong(1)
            .endList()
            .toByteArray();
    assertEquals(Reason.NONCE_TOO_LARGE, reason(nonce9));
    // A legacy v of 30 encodes no chain id.
    Transaction ok =
        TransactionBuilder.legacy()
            .gasPrice(1)
            .gasLimit(21_000)
            .to(TestKeys.TO)
            .withSignature(0, BigInteger.ONE, BigInteger.ONE);
    byte[] enc = ok.encoded();
    int vAt = enc.length - 1 - 1 - 1 - 1; // ... v(1) r(1) s(1): v is 3rd from the end
    assertEquals(27, enc[vAt + 1]);
    byte[] v30 = enc.clone();
    v30[vAt + 1] = 30;
    InvalidTransactionException e =
        assertThrows(InvalidTransactionException.class, () -> TransactionDecoder.decode(v30));
    assertEquals(Reason.INVALID_CHAIN_ID, e.reason());
    assertTrue(e.getMessage().startsWith("invalid chain id in v"), e.getMessage());
  }

  @Test
  void randomBytesNeverCrash() {
    Random rnd = new Random(1234);
    for (int i = 0; i < 20_000; i++) {
      byte[] raw = new byte[rnd.nextInt(200)];
      rnd.nextBytes(raw);
      if (raw.length > 0 && rnd.nextInt(3) == 0) {
        raw[0] = (byte) (1 + rnd.nextInt(4)); // a known type byte, so the payload is parsed
      }
      decodeOrReject(raw);
    }
  }

  @Test
  void fuzzMutationsOfValidEncodings() {
    Random rnd = new Random(20240601L);
    List<byte[]> seeds = new ArrayList<>();
    for (Transaction tx : TestKeys.oneOfEach()) {
      seeds.add(tx.encoded());
    }
    // A fixture-style legacy transaction (EIP-155 example) as one more seed.
    seeds.add(
        Hex.decode(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764"
                + "00008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067"
                + "cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"));
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < FUZZ_ITERATIONS; i++) {
      byte[] raw = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
      Transaction tx = decodeOrReject(raw);
      if (tx == null) {
        rejected++;
        continue;
      }
      accepted++;
      try {
        TransactionValidator.validateStatic(tx, Fork.PRAGUE);
        IntrinsicGas.intrinsicGas(tx, Fork.PRAGUE);
        if (accepted % 16 == 0) {
          tx.sender();
        }
      } catch (InvalidTransactionException expected) {
        assertTrue(expected.getMessage() != null);
      } catch (RuntimeException e) {
        fail("checking " + Hex.encode(raw) + " threw " + e, e);
      }
    }
    assertEquals(FUZZ_ITERATIONS, accepted + rejected);
    assertTrue(rejected > FUZZ_ITERATIONS / 2, "mutations should mostly be invalid: " + rejected);
    assertTrue(accepted > 100, "some mutations (data, values, r/s) stay valid: " + accepted);
  }

  private static byte[] mutate(byte[] seed, Random rnd) {
    byte[] b = seed.clone();
    int rounds = 1 + rnd.nextInt(3);
    for (int k = 0; k < rounds && b.length > 0; k++) {
      int at = rnd.nextInt(b.length);
      switch (rnd.nextInt(8)) {
        case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
        case 1 -> b[at] = (byte) rnd.nextInt(256);
        case 2 -> b = Arrays.copyOf(b, at); // truncate
        case 3 -> { // insert a byte
          byte[] n = new byte[b.length + 1];
          System.arraycopy(b, 0, n, 0, at);
          n[at] = (byte) rnd.nextInt(256);
          System.arraycopy(b, at, n, at + 1, b.length - at);
          b = n;
        }
        case 4 -> { // delete a byte
          byte[] n = new byte[b.length - 1];
          System.arraycopy(b, 0, n, 0, at);
          System.arraycopy(b, at + 1, n, at, b.length - at - 1);
          b = n;
        }
        case 5 -> b[at] = (byte) (0xb8 + rnd.nextInt(8) + (rnd.nextBoolean() ? 0x40 : 0));
        case 6 -> b[at] = (byte) (b[at] + (rnd.nextBoolean() ? 1 : -1)); // nudge a length
        default -> { // append junk
          byte[] n = Arrays.copyOf(b, b.length + 1 + rnd.nextInt(4));
          for (int j = b.length; j < n.length; j++) {
            n[j] = (byte) rnd.nextInt(256);
          }
          b = n;
        }
      }
    }
    return b;
  }
}
