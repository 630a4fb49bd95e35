package io.zgnode.state.db;

import java.util.List;

/**
 * Names of the column families. The state's own families are created whenever a store is opened;
 * any other name can be added by later work (blocks, receipts, indexes) through {@link
 * KeyValueStore#ensureFamily} or when opening, so the set is open-ended.
 */
public final class Families {
  /** Trie nodes of every Merkle-Patricia trie, keyed by the keccak256 of their RLP. */
  public static final String TRIE_NODES = "trie-nodes";

  /** Contract code keyed by its keccak256. */
  public static final String CODE = "code";

  /** The latest state's accounts, flat: address (20 bytes) to account RLP. */
  public static final String ACCOUNTS = "accounts";

  /** The latest state's storage, flat: address (20) || slot (32) to the value without zeros. */
  public static final String STORAGE = "storage";

  /** The latest module state, flat: module key to value. */
  public static final String MODULES = "modules";

  /** Commit metadata: the last commit and the roots of every committed height. */
  public static final String META = "meta";

  /** Names reserved for block storage that later work adds; not created by default. */
  public static final String BLOCKS = "blocks";

  public static final String RECEIPTS = "receipts";
  public static final String TX_INDEX = "tx-index";

  /** The families a state database always has. */
  public static final List<String> STATE =
      List.of(TRIE_NODES, CODE, ACCOUNTS, STORAGE, MODULES, META);

  private Families() {}

  /** Whether a family holds content-addressed data that is only ever read by exact key. */
  static boolean pointLookupsOnly(String family) {
    return family.equals(TRIE_NODES) || family.equals(CODE);
  }

  static void checkName(String family) {
    if (family == null || family.isEmpty() || family.length() > 64) {
      throw new IllegalArgumentException("invalid column family name: '" + family + "'");
    }
    for (int i = 0; i < family.length(); i++) {
      char c = family.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
        throw new IllegalArgumentException(
            "invalid column family name '" + family + "': use [a-z0-9._-]");
      }
    }
  }
}
