package io.packetwalk.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket client of the load test, from a chosen loopback address. A reading client takes
 * every message; a slow one takes the first message (the welcome) and then reads nothing, so the
 * server's sends back up. Remembers how the server closed it or refused it.
 */
final class LoadSocket {

  private static final Map<InetAddress, HttpClient> CLIENTS = new ConcurrentHashMap<>();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final AtomicLong receivedBytes = new AtomicLong();
  private final boolean reads;
  private final CompletableFuture<String> closed = new CompletableFuture<>();
  private volatile WebSocket socket;
  private volatile String refusal;

  private LoadSocket(boolean reads) {
    this.reads = reads;
  }

  /** Connects from {@code local}; a refused handshake is remembered, not thrown. */
  static CompletableFuture<LoadSocket> connect(URI ws, InetAddress local, boolean reads) {
    LoadSocket client = new LoadSocket(reads);
    HttpClient http =
        CLIENTS.computeIfAbsent(
            local,
            address ->
                HttpClient.newBuilder()
                    .localAddress(address)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .build());
    return http.newWebSocketBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .buildAsync(ws, client.new Listener())
        .handle((socket, failure) -> {
          if (failure != null) {
            client.refusal = handshakeRefusal(failure);
            client.closed.complete(client.refusal);
          } else {
            client.socket = socket;
          }
          return client;
        });
  }

  private static String handshakeRefusal(Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof WebSocketHandshakeException refused) {
      Object body = refused.getResponse().body();
      return "HTTP " + refused.getResponse().statusCode() + (body == null ? "" : " " + body);
    }
    return cause.toString();
  }

  boolean connected() {
    return socket != null;
  }

  /** How the server refused the handshake, or null. */
  String refusal() {
    return refusal;
  }

  /** "code reason" once the server closed the connection, else null. */
  String closedWith() {
    return closed.getNow(null);
  }

  long receivedBytes() {
    return receivedBytes.get();
  }

  void send(String text) {
    WebSocket ws = socket;
    if (ws != null && !ws.isOutputClosed()) {
      ws.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).exceptionally(failure -> null).join();
    }
  }

  /** The next whole message within {@code wait}, or null. */
  String next(Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  void abort() {
    WebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      receivedBytes.addAndGet(data.length());
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      if (reads) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete("error " + error);
    }
  }
}
