package io.zgnode.chain.exec;

import java.util.List;

/** An ABCI event in wire-neutral form: a type and ordered key/value attributes. */
public record TxEvent(String type, List<Attribute> attributes) {
  /** One attribute; {@code index} asks CometBFT's indexer to index it. */
  public record Attribute(String key, String value, boolean index) {}
}
