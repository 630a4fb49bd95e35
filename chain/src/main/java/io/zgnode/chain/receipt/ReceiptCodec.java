package io.zgnode.chain.receipt;

import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;
import java.util.ArrayList;
import java.util.List;

/** The stored form of a {@link Receipt}: one RLP list, keyed by transaction hash. */
public final class ReceiptCodec {
  private ReceiptCodec() {}

  public static byte[] encode(Receipt r) {
    RlpWriter w = new RlpWriter(256);
    w.startList();
    w.writeBytes(r.txHash().bytesUnsafe());
    w.writeLong(r.height());
    w.writeLong(r.index());
    w.writeLong(r.txType());
    w.writeLong(r.success() ? 1 : 0);
    w.writeLong(r.gasUsed());
    w.writeLong(r.cumulativeGasUsed());
    w.writeBigInteger(r.effectiveGasPrice());
    w.writeBytes(r.from().bytesUnsafe());
    w.writeBytes(r.to() == null ? new byte[0] : r.to().bytesUnsafe());
    w.writeBytes(r.contractAddress() == null ? new byte[0] : r.contractAddress().bytesUnsafe());
    Log.writeRlp(w, r.logs());
    w.writeLong(r.firstLogIndex());
    w.endList();
    return w.toByteArray();
  }

  public static Receipt decode(byte[] bytes) {
    RlpReader r = RlpReader.ofSingleItem(bytes).readList();
    Hash txHash = Hash.wrap(r.readBytes(32, "txHash"));
    long height = r.readLong("height");
    int index = (int) r.readLong("index");
    int type = (int) r.readLong("type");
    boolean success = r.readLong("status") == 1;
    long gasUsed = r.readLong("gasUsed");
    long cumulative = r.readLong("cumulativeGasUsed");
    var price = r.readBigInteger(32, "effectiveGasPrice");
    Address from = Address.wrap(r.readBytes(20, "from"));
    byte[] to = r.readBytes();
    byte[] contract = r.readBytes();
    List<Log> logs = new ArrayList<>();
    RlpReader logsReader = r.readList();
    while (logsReader.hasNext()) {
      RlpReader l = logsReader.readList();
      Address addr = Address.wrap(l.readBytes(20, "log address"));
      List<Hash> topics = new ArrayList<>();
      RlpReader tr = l.readList();
      while (tr.hasNext()) {
        topics.add(Hash.wrap(tr.readBytes(32, "topic")));
      }
      logs.add(new Log(addr, topics, l.readBytes()));
    }
    int firstLogIndex = (int) r.readLong("firstLogIndex");
    return new Receipt(
        txHash,
        height,
        index,
        type,
        success,
        gasUsed,
        cumulative,
        price,
        from,
        to.length == 0 ? null : Address.wrap(to),
        contract.length == 0 ? null : Address.wrap(contract),
        logs,
        firstLogIndex);
  }
}
