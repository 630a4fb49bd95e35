package io.zgnode.evm.frame;

/**
 * Code ready to run: the bytes, a copy padded with 33 zero bytes (so a PUSH that runs past the end
 * reads zeros and running off the end reads STOP, without bounds checks in the interpreter), and
 * the bitmap of valid jump destinations (JUMPDEST bytes that are not PUSH data). Immutable; shared
 * through {@link CodeCache}.
 */
public final class Code {
  public static final Code EMPTY = new Code(new byte[0]);

  private static final int PADDING = 33;

  private final byte[] bytes;
  private final byte[] padded;
  private final long[] jumpDests;

  // The block analysis for the last instruction set asked for, keyed by its table's identity.
  private record Analysis(long[] opTable, CodeBlocks blocks) {}

  private volatile Analysis analysis;

  /** Analyses {@code bytes} (not copied: callers must not modify it afterwards). */
  public Code(byte[] bytes) {
    this.bytes = bytes;
    this.padded = new byte[bytes.length + PADDING];
    System.arraycopy(bytes, 0, padded, 0, bytes.length);
    this.jumpDests = analyse(bytes);
  }

  private static long[] analyse(byte[] code) {
    long[] bits = new long[(code.length + 63) >>> 6];
    int i = 0;
    while (i < code.length) {
      int op = code[i] & 0xff;
      if (op == 0x5b) {
        bits[i >>> 6] |= 1L << (i & 63);
        i++;
      } else if (op >= 0x60 && op <= 0x7f) {
        i += op - 0x5e; // the opcode and its 1-32 data bytes
      } else {
        i++;
      }
    }
    return bits;
  }

  /** The code length in bytes. */
  public int size() {
    return bytes.length;
  }

  /** The code bytes; callers must not modify them. */
  public byte[] bytes() {
    return bytes;
  }

  /** The code followed by 33 zero bytes; callers must not modify it. */
  public byte[] padded() {
    return padded;
  }

  /**
   * The basic blocks of this code under the instruction set whose per-opcode table is {@code
   * opTable} ({@link io.zgnode.evm.operation.OperationRegistry#checkTable()}); computed on first
   * use and kept.
   */
  public CodeBlocks blocks(long[] opTable) {
    Analysis a = analysis;
    if (a != null && a.opTable() == opTable) {
      return a.blocks();
    }
    CodeBlocks b = CodeBlocks.analyse(bytes, padded.length, opTable);
    analysis = new Analysis(opTable, b);
    return b;
  }

  /** Whether {@code dest} is a JUMPDEST instruction (not PUSH data) inside the code. */
  public boolean isJumpDest(long dest) {
    if (dest < 0 || dest >= bytes.length) {
      return false;
    }
    int d = (int) dest;
    return (jumpDests[d >>> 6] & (1L << (d & 63))) != 0;
  }
}
