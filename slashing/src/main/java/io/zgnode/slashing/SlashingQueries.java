package io.zgnode.slashing;

import io.zgnode.slashing.params.SlashingParams;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.slashing.signing.SigningInfo;
import io.zgnode.slashing.store.SlashingStore;
import io.zgnode.state.store.ModuleView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Read-only queries (the SDK's x/slashing Query service) over a module view, usable from RPC
 * threads on a committed state.
 */
public final class SlashingQueries {
  /** The page size when the caller gives none (the SDK's default). */
  public static final int DEFAULT_LIMIT = 100;

  /** The largest page served. */
  public static final int MAX_LIMIT = 1000;

  private final SlashingStore store;

  public SlashingQueries(ModuleView view) {
    this.store = SlashingStore.readOnly(Objects.requireNonNull(view, "view"));
  }

  public SlashingParams params() {
    return store.params();
  }

  public Optional<SigningInfo> signingInfo(ConsAddress address) {
    return Optional.ofNullable(store.signingInfo(Objects.requireNonNull(address, "address")));
  }

  /**
   * One page of signing infos in consensus-address order.
   *
   * @param after the {@code next} of the previous page, or null for the first page
   * @param limit 1 to {@link #MAX_LIMIT}
   */
  public Page signingInfos(ConsAddress after, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "page limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    List<SigningInfo> rows = store.signingInfos(after, limit + 1);
    if (rows.size() > limit) {
      List<SigningInfo> page = List.copyOf(rows.subList(0, limit));
      return new Page(page, Optional.of(page.getLast().address()));
    }
    return new Page(List.copyOf(rows), Optional.empty());
  }

  /**
   * A page of signing infos.
   *
   * @param next the key to pass as {@code after} for the following page; empty on the last page
   */
  public record Page(List<SigningInfo> infos, Optional<ConsAddress> next) {}
}
