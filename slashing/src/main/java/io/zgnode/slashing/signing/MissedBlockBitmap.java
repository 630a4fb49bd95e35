package io.zgnode.slashing.signing;

/**
 * One chunk of a validator's missed-blocks bitmap: {@link #CHUNK_BITS} window positions in a
 * fixed-size byte array, bit {@code i} at byte {@code i / 8}, mask {@code 1 << (i % 8)}. Only the
 * chunk holding the current index is read and written per block, so the cost per validator and
 * block does not depend on the window. A chunk with no bit set is not stored.
 */
public final class MissedBlockBitmap {
  /** Window positions per stored chunk (the Cosmos SDK also uses 1024). */
  public static final int CHUNK_BITS = 1024;

  public static final int CHUNK_BYTES = CHUNK_BITS / 8;

  private MissedBlockBitmap() {}

  /** The chunk holding window position {@code index}. */
  public static long chunkOf(long index) {
    return index / CHUNK_BITS;
  }

  /** Whether bit {@code index} (a window position) is set in {@code chunk}, which may be null. */
  public static boolean get(byte[] chunk, long index) {
    if (chunk == null) {
      return false;
    }
    int bit = (int) (index % CHUNK_BITS);
    return (chunk[bit >>> 3] & (1 << (bit & 7))) != 0;
  }

  /**
   * A copy of {@code chunk} (null meaning all clear) with bit {@code index} set to {@code missed},
   * or null when no bit remains set.
   */
  public static byte[] with(byte[] chunk, long index, boolean missed) {
    byte[] out = chunk == null ? new byte[CHUNK_BYTES] : chunk.clone();
    int bit = (int) (index % CHUNK_BITS);
    if (missed) {
      out[bit >>> 3] |= (byte) (1 << (bit & 7));
    } else {
      out[bit >>> 3] &= (byte) ~(1 << (bit & 7));
    }
    for (byte b : out) {
      if (b != 0) {
        return out;
      }
    }
    return null;
  }

  /** Checks that a stored chunk has the fixed size. */
  public static byte[] requireChunk(byte[] stored, ConsAddress address, long chunkIndex) {
    if (stored != null && stored.length != CHUNK_BYTES) {
      throw new IllegalStateException(
          "corrupt missed-blocks chunk "
              + chunkIndex
              + " of "
              + address
              + ": "
              + stored.length
              + " bytes, expected "
              + CHUNK_BYTES);
    }
    return stored;
  }
}
