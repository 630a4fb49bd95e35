package io.zgnode.jsonrpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcMessages;
import io.zgnode.jsonrpc.core.RpcSession;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket connection: its subscriptions and its outbound queue.
 *
 * <p>Everything sent (answers and notifications) is counted until Netty has written it to the
 * socket; a client that stops reading lets that count grow, and past {@code maxOutboundBytes} the
 * connection is closed with 1008 and its subscriptions cancelled, so one slow client cannot make
 * the node buffer without bound.
 *
 * <p>A subscription made by a call starts held: its notifications wait until the call's answer
 * (which carries the subscription id) has been queued, as geth does, so a client never sees a
 * notification for an id it has not been told yet.
 */
final class WsSession implements RpcSession {
  private static final System.Logger LOG = System.getLogger(WsSession.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Channel channel;
  private final int maxSubscriptions;
  private final long maxOutboundBytes;
  private final long closeGraceMillis;
  private final Map<String, Entry> subscriptions = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private final AtomicLong pendingBytes = new AtomicLong();
  private final AtomicBoolean closing = new AtomicBoolean();
  private boolean closed; // guarded by lock

  private static final class Entry {
    final Subscription subscription;
    boolean active; // guarded by this
    List<byte[]> held = new ArrayList<>(); // guarded by this; null once active

    Entry(Subscription subscription) {
      this.subscription = subscription;
    }
  }

  WsSession(Channel channel, int maxSubscriptions, long maxOutboundBytes, long closeGraceMillis) {
    this.channel = channel;
    this.maxSubscriptions = maxSubscriptions;
    this.maxOutboundBytes = maxOutboundBytes;
    this.closeGraceMillis = closeGraceMillis;
  }

  @Override
  public boolean isWebSocket() {
    return true;
  }

  /** Registers and activates at once (for callers that are not inside a call). */
  @Override
  public String subscribe(Subscription subscription) throws RpcException {
    String id = subscribeHeld(subscription);
    activate(id);
    return id;
  }

  /**
   * Registers a subscription whose notifications are held until {@link #activate}. On an error
   * nothing is registered and {@code cancel()} is not called.
   */
  String subscribeHeld(Subscription subscription) throws RpcException {
    synchronized (lock) {
      if (closed) {
        throw new RpcException(RpcException.TX_REJECTED, "connection closed");
      }
      if (subscriptions.size() >= maxSubscriptions) {
        throw RpcException.limitExceeded("too many subscriptions: limit " + maxSubscriptions);
      }
      while (true) {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String id = Hex.encode(raw);
        if (subscriptions.putIfAbsent(id, new Entry(subscription)) == null) {
          return id;
        }
      }
    }
  }

  /** Sends what a held subscription collected, then lets its notifications through. */
  void activate(String id) {
    Entry e = subscriptions.get(id);
    if (e == null) {
      return;
    }
    synchronized (e) {
      if (e.active) {
        return;
      }
      e.active = true;
      for (byte[] message : e.held) {
        write(message);
      }
      e.held = null;
    }
  }

  @Override
  public boolean unsubscribe(String id) {
    Entry e;
    synchronized (lock) {
      e = subscriptions.remove(id);
    }
    if (e == null) {
      return false;
    }
    drop(e);
    cancel(e);
    return true;
  }

  @Override
  public void notify(String id, JsonNode result) {
    Entry e = subscriptions.get(id);
    if (e == null) {
      return;
    }
    byte[] message = RpcMessages.toBytes(RpcMessages.notification(id, result));
    synchronized (e) {
      if (!reserve(message.length)) {
        return;
      }
      if (e.active) {
        write(message);
      } else if (e.held != null) {
        e.held.add(message);
      }
    }
  }

  /** Sends an answer (or an error message); counted against the outbound bound like the rest. */
  void send(byte[] message) {
    if (reserve(message.length)) {
      write(message);
    }
  }

  int subscriptionCount() {
    return subscriptions.size();
  }

  long pendingBytes() {
    return pendingBytes.get();
  }

  /**
   * Cancels every subscription (each exactly once) and refuses new ones. Called when the connection
   * closes, whatever closed it.
   */
  void close() {
    List<Entry> all;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      all = new ArrayList<>(subscriptions.values());
      subscriptions.clear();
    }
    for (Entry e : all) {
      drop(e);
      cancel(e);
    }
  }

  /**
   * Ends the connection with a close frame, cancelling the subscriptions at once; the socket is cut
   * after the grace period if the client never reads the frame.
   */
  void closeWith(WebSocketCloseStatus status, String reason) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    close();
    // A close frame's reason must fit 123 bytes.
    String shortReason = reason.length() > 120 ? reason.substring(0, 120) : reason;
    channel
        .writeAndFlush(new CloseWebSocketFrame(status.code(), shortReason))
        .addListener(ChannelFutureListener.CLOSE);
    channel.eventLoop().schedule(() -> channel.close(), closeGraceMillis, TimeUnit.MILLISECONDS);
  }

  private boolean reserve(int bytes) {
    if (closing.get()) {
      return false;
    }
    long pending = pendingBytes.addAndGet(bytes);
    if (pending > maxOutboundBytes) {
      pendingBytes.addAndGet(-bytes);
      LOG.log(
          Level.INFO,
          "closing WebSocket {0}: more than {1} bytes waiting to be read",
          channel.remoteAddress(),
          maxOutboundBytes);
      closeWith(
          WebSocketCloseStatus.POLICY_VIOLATION,
          "client too slow: over " + maxOutboundBytes + " bytes unread");
      return false;
    }
    return true;
  }

  private void write(byte[] message) {
    int size = message.length;
    channel
        .writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(message)))
        .addListener(f -> pendingBytes.addAndGet(-size));
  }

  /** Releases what a held subscription had counted. */
  private void drop(Entry e) {
    synchronized (e) {
      if (e.held != null) {
        for (byte[] m : e.held) {
          pendingBytes.addAndGet(-m.length);
        }
        e.held = null;
      }
    }
  }

  private static void cancel(Entry e) {
    try {
      e.subscription.cancel();
    } catch (RuntimeException ex) {
      LOG.log(Level.WARNING, "a subscription's cancel() failed", ex);
    }
  }
}
