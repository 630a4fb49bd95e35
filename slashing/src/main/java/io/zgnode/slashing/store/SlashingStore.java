package io.zgnode.slashing.store;

import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.slashing.params.SlashingParams;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.slashing.signing.MissedBlockBitmap;
import io.zgnode.slashing.signing.SigningInfo;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.ModuleView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The module's tables in the module trie. Keys: {@code "slashing/"}, a table id, then fixed-width
 * fields, so prefix scans run in consensus-address order:
 *
 * <ul>
 *   <li>{@code 0x01} params: RLP of {@link SlashingParams}
 *   <li>{@code 0x02 | consAddr(20)}: signing info, RLP {@code [version, startHeight, indexOffset,
 *       jailedUntil, tombstoned, missed]}
 *   <li>{@code 0x03 | consAddr(20) | chunk(8, big-endian)}: a missed-blocks chunk of 128 bytes
 * </ul>
 */
public final class SlashingStore {
  private static final byte[] MODULE = "slashing/".getBytes(StandardCharsets.US_ASCII);
  private static final byte PARAMS = 0x01;
  private static final byte SIGNING_INFO = 0x02;
  private static final byte MISSED_CHUNK = 0x03;
  private static final int INFO_VERSION = 1;

  private final ModuleView view;
  private final ModuleUpdater updater;

  private SlashingStore(ModuleView view, ModuleUpdater updater) {
    this.view = view;
    this.updater = updater;
  }

  /** A read-write store over {@code updater}. */
  public static SlashingStore writable(ModuleUpdater updater) {
    return new SlashingStore(Objects.requireNonNull(updater, "updater"), updater);
  }

  /** A read-only store over {@code view} (queries). */
  public static SlashingStore readOnly(ModuleView view) {
    return new SlashingStore(Objects.requireNonNull(view, "view"), null);
  }

  // ---- params ----------------------------------------------------------------------------------

  /**
   * The stored params.
   *
   * @throws IllegalStateException when the module has no params (genesis not run)
   */
  public SlashingParams params() {
    byte[] v = view.get(key(PARAMS));
    if (v == null) {
      throw new IllegalStateException(
          "the slashing module has no params: its genesis has not been initialised");
    }
    return SlashingParams.decode(v);
  }

  public boolean hasParams() {
    return view.get(key(PARAMS)) != null;
  }

  public void putParams(SlashingParams params) {
    writer().put(key(PARAMS), params.encode());
  }

  // ---- signing infos ---------------------------------------------------------------------------

  public SigningInfo signingInfo(ConsAddress address) {
    byte[] v = view.get(infoKey(address));
    return v == null ? null : decodeInfo(address, v);
  }

  public void putSigningInfo(SigningInfo info) {
    writer().put(infoKey(info.address()), encodeInfo(info));
  }

  /**
   * Up to {@code limit} signing infos in consensus-address order, starting after {@code after}
   * (null: from the first).
   */
  public List<SigningInfo> signingInfos(ConsAddress after, int limit) {
    List<SigningInfo> out = new ArrayList<>(Math.min(limit, 256));
    byte[] prefix = key(SIGNING_INFO);
    byte[] afterKey = after == null ? null : infoKey(after);
    view.forEachWithPrefix(
        prefix,
        (k, v) -> {
          if (afterKey != null && Arrays.compareUnsigned(k, afterKey) <= 0) {
            return true;
          }
          if (k.length != prefix.length + ConsAddress.LENGTH) {
            throw new IllegalStateException(
                "corrupt slashing signing-info key of " + k.length + " bytes");
          }
          ConsAddress a = ConsAddress.of(Arrays.copyOfRange(k, prefix.length, k.length));
          out.add(decodeInfo(a, v));
          return out.size() < limit;
        });
    return out;
  }

  // ---- missed-blocks bitmap --------------------------------------------------------------------

  /** Whether window position {@code index} is marked missed. */
  public boolean missed(ConsAddress address, long index) {
    long chunk = MissedBlockBitmap.chunkOf(index);
    return MissedBlockBitmap.get(readChunk(address, chunk), index);
  }

  public void setMissed(ConsAddress address, long index, boolean missed) {
    long chunk = MissedBlockBitmap.chunkOf(index);
    byte[] updated = MissedBlockBitmap.with(readChunk(address, chunk), index, missed);
    byte[] k = chunkKey(address, chunk);
    if (updated == null) {
      writer().remove(k);
    } else {
      writer().put(k, updated);
    }
  }

  /** The window positions marked missed, ascending. */
  public List<Long> missedIndices(ConsAddress address) {
    List<Long> out = new ArrayList<>();
    byte[] prefix = chunkPrefix(address);
    view.forEachWithPrefix(
        prefix,
        (k, v) -> {
          long chunk = chunkIndexOf(k, prefix.length);
          MissedBlockBitmap.requireChunk(v, address, chunk);
          for (int i = 0; i < MissedBlockBitmap.CHUNK_BITS; i++) {
            if ((v[i >>> 3] & (1 << (i & 7))) != 0) {
              out.add(chunk * MissedBlockBitmap.CHUNK_BITS + i);
            }
          }
          return true;
        });
    return out;
  }

  /** Clears the whole bitmap: one removal per stored chunk (at most window / 1024 + 1). */
  public void clearMissed(ConsAddress address) {
    List<byte[]> keys = new ArrayList<>();
    view.forEachWithPrefix(
        chunkPrefix(address),
        (k, v) -> {
          keys.add(k.clone());
          return true;
        });
    for (byte[] k : keys) {
      writer().remove(k);
    }
  }

  private byte[] readChunk(ConsAddress address, long chunk) {
    return MissedBlockBitmap.requireChunk(view.get(chunkKey(address, chunk)), address, chunk);
  }

  // ---- keys and codecs -------------------------------------------------------------------------

  private ModuleUpdater writer() {
    if (updater == null) {
      throw new IllegalStateException("this slashing store is read-only");
    }
    return updater;
  }

  private static byte[] key(byte table) {
    byte[] k = Arrays.copyOf(MODULE, MODULE.length + 1);
    k[MODULE.length] = table;
    return k;
  }

  private static byte[] infoKey(ConsAddress a) {
    byte[] k = Arrays.copyOf(MODULE, MODULE.length + 1 + ConsAddress.LENGTH);
    k[MODULE.length] = SIGNING_INFO;
    System.arraycopy(a.bytesUnsafe(), 0, k, MODULE.length + 1, ConsAddress.LENGTH);
    return k;
  }

  private static byte[] chunkPrefix(ConsAddress a) {
    byte[] k = Arrays.copyOf(MODULE, MODULE.length + 1 + ConsAddress.LENGTH);
    k[MODULE.length] = MISSED_CHUNK;
    System.arraycopy(a.bytesUnsafe(), 0, k, MODULE.length + 1, ConsAddress.LENGTH);
    return k;
  }

  private static byte[] chunkKey(ConsAddress a, long chunk) {
    byte[] p = chunkPrefix(a);
    byte[] k = Arrays.copyOf(p, p.length + 8);
    for (int i = 0; i < 8; i++) {
      k[p.length + i] = (byte) (chunk >>> (56 - 8 * i));
    }
    return k;
  }

  private static long chunkIndexOf(byte[] key, int prefixLength) {
    if (key.length != prefixLength + 8) {
      throw new IllegalStateException("corrupt missed-blocks key of " + key.length + " bytes");
    }
    long v = 0;
    for (int i = prefixLength; i < key.length; i++) {
      v = (v << 8) | (key[i] & 0xff);
    }
    return v;
  }

  static byte[] encodeInfo(SigningInfo info) {
    return new RlpWriter(32)
        .startList()
        .writeLong(INFO_VERSION)
        .writeLong(info.startHeight())
        .writeLong(info.indexOffset())
        .writeLong(info.jailedUntil())
        .writeLong(info.tombstoned() ? 1 : 0)
        .writeLong(info.missedBlocksCounter())
        .endList()
        .toByteArray();
  }

  static SigningInfo decodeInfo(ConsAddress address, byte[] encoded) {
    try {
      RlpReader r = RlpReader.ofSingleItem(encoded).readList();
      long version = r.readLong("signing info version");
      if (version != INFO_VERSION) {
        throw new IllegalStateException(
            "signing info of " + address + " has unknown version " + version);
      }
      long start = r.readLong("start height");
      long offset = r.readLong("index offset");
      long jailedUntil = r.readLong("jailed until");
      long tombstoned = r.readLong("tombstoned");
      long missed = r.readLong("missed blocks counter");
      r.requireEnd("signing info");
      if (tombstoned > 1) {
        throw new IllegalStateException(
            "signing info of " + address + " has tombstoned flag " + tombstoned);
      }
      return new SigningInfo(address, start, offset, jailedUntil, tombstoned == 1, missed);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "corrupt signing info of " + address + ": " + e.getMessage(), e);
    }
  }
}
