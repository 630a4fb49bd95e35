package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.chain.block.CommittedBlock;
import io.zgnode.chain.block.IndexedLog;
import io.zgnode.chain.receipt.Receipt;
import java.util.ArrayList;
import java.util.List;

/**
 * A committed block on its way to filters and subscriptions. Its JSON (header, block hash, each
 * log) is built once, on first use, and shared by every subscriber; nobody may mutate it. Used on
 * the event thread only.
 */
final class BlockEvent {
  /** A log of the block with its JSON. */
  record LogEntry(IndexedLog log, ObjectNode json) {}

  private final CommittedBlock block;
  private ObjectNode header;
  private TextNode hash;
  private List<LogEntry> logs;

  BlockEvent(CommittedBlock block) {
    this.block = block;
  }

  CommittedBlock block() {
    return block;
  }

  long number() {
    return block.header().number();
  }

  ObjectNode headerJson() {
    if (header == null) {
      header = EthJson.header(block.header(), block.hash());
    }
    return header;
  }

  TextNode hashJson() {
    if (hash == null) {
      hash = RpcJson.hash(block.hash());
    }
    return hash;
  }

  /** The block's logs in chain order (by transaction, then position in the receipt). */
  List<LogEntry> logs() {
    if (logs == null) {
      List<LogEntry> out = new ArrayList<>();
      long number = number();
      long ts = block.header().timestamp();
      for (Receipt r : block.receipts()) {
        for (int i = 0; i < r.logs().size(); i++) {
          IndexedLog l =
              new IndexedLog(
                  r.logs().get(i),
                  number,
                  block.hash(),
                  r.txHash(),
                  r.index(),
                  r.firstLogIndex() + i);
          out.add(new LogEntry(l, EthJson.log(l, ts)));
        }
      }
      logs = List.copyOf(out);
    }
    return logs;
  }
}
