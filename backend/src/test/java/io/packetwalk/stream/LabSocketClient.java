package io.packetwalk.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain JDK WebSocket client for tests: sends text, and hands back whole JSON messages. */
final class LabSocketClient implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final WebSocket socket;
  private volatile String closedWith;
  private volatile JsonNode lastWelcome;

  LabSocketClient(int port) {
    Listener listener = new Listener();
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(WAIT)
            .buildAsync(URI.create("ws://localhost:" + port + "/ws"), listener)
            .join();
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
  }

  /** The next whole message, failing when none comes in time. */
  JsonNode next() throws InterruptedException {
    String text = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (text == null) {
      throw new AssertionError(
          "no message within " + WAIT + (closedWith == null ? "" : "; closed: " + closedWith));
    }
    return JSON.readTree(text);
  }

  /** The next message, which must have this type. */
  JsonNode next(String type) throws InterruptedException {
    JsonNode message = next();
    if (message.path("type").stringValue().equals("welcome")) {
      lastWelcome = message;
    }
    if (!type.equals(message.path("type").stringValue())) {
      throw new AssertionError("expected a " + type + " message but got " + message);
    }
    return message;
  }

  /** The last welcome {@link #next(String)} returned. */
  JsonNode lastWelcome() {
    return lastWelcome;
  }

  /** "code reason" once the server closed the connection, failing when it does not in time. */
  String awaitClose() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (closedWith == null && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    if (closedWith == null) {
      throw new AssertionError("the server did not close the connection within " + WAIT);
    }
    return closedWith;
  }

  boolean isOpen() {
    return closedWith == null && !socket.isInputClosed() && !socket.isOutputClosed();
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closedWith = statusCode + " " + reason;
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closedWith = error.toString();
    }
  }
}
