package io.zgnode.tools.rpc;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for CometBFT's RPC: answers every request with a fixed status and body. */
public final class FakeCometRpc implements AutoCloseable {
  private final HttpServer server;
  private final List<URI> requests = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String body = "{}";

  public FakeCometRpc() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestURI());
          byte[] b = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, b.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(b);
          }
        });
    server.start();
  }

  public FakeCometRpc answer(int httpStatus, String json) {
    this.status = httpStatus;
    this.body = json;
    return this;
  }

  /** Wraps {@code result} in a JSON-RPC 2.0 envelope, as CometBFT's URI endpoints answer. */
  public FakeCometRpc result(String resultJson) {
    return answer(200, "{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":" + resultJson + "}");
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<URI> requests() {
    return requests;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
