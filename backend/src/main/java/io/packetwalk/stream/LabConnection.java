package io.packetwalk.stream;

import io.packetwalk.stream.protocol.MessageDecoder;
import io.packetwalk.stream.protocol.MessageEncoder;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.ProtocolException;
import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One WebSocket connection: joins message fragments (refusing messages over the size limit without
 * buffering them), and runs each message on the connection's own worker thread, in arrival order,
 * so a long simulation never holds up other connections. Every refusal is answered with an error
 * message; the connection stays open.
 */
final class LabConnection {

  /** Messages that may wait behind the one being handled before new ones are refused. */
  static final int MAX_QUEUED_MESSAGES = 32;

  private static final Logger log = LoggerFactory.getLogger(LabConnection.class);

  private final WebSocketSession session;
  private final LabSession lab;
  private final MessageDecoder decoder = new MessageDecoder();
  private final MessageEncoder encoder = new MessageEncoder();
  private final ThreadPoolExecutor worker;

  private final StringBuilder fragments = new StringBuilder();
  private long incomingLength;
  private boolean incomingTooLarge;

  /** {@code session} must be safe to send on from several threads. */
  LabConnection(WebSocketSession session, LabSession lab) {
    this.session = session;
    this.lab = lab;
    this.worker =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(MAX_QUEUED_MESSAGES),
            task -> {
              Thread thread = new Thread(task, "lab-" + session.getId());
              thread.setDaemon(true);
              return thread;
            });
    worker.allowCoreThreadTimeOut(true);
  }

  /** A text fragment arrived; {@code last} ends the message. Called by one thread at a time. */
  void receiveText(String fragment, boolean last) {
    incomingLength += fragment.length();
    if (!incomingTooLarge && incomingLength > MessageDecoder.MAX_MESSAGE_CHARS) {
      incomingTooLarge = true;
      fragments.setLength(0);
    }
    if (!incomingTooLarge) {
      fragments.append(fragment);
    }
    if (!last) {
      return;
    }
    String text = fragments.toString();
    boolean tooLarge = incomingTooLarge;
    long length = incomingLength;
    fragments.setLength(0);
    incomingLength = 0;
    incomingTooLarge = false;
    if (tooLarge) {
      submit(() -> send(MessageDecoder.tooLarge(length).error()));
    } else {
      submit(() -> handle(text));
    }
  }

  /** A binary fragment arrived: not part of the protocol, refused once the message ends. */
  void receiveBinary(boolean last) {
    if (last) {
      submit(() ->
          send(
              new ProtocolException(
                      null,
                      ErrorReason.MALFORMED_JSON,
                      "Binary messages are not part of the protocol; send each message as"
                          + " JSON text.")
                  .error()));
    }
  }

  /** The connection closed: queued messages are dropped. */
  void close() {
    worker.shutdownNow();
  }

  private void submit(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException e) {
      if (!worker.isShutdown()) {
        send(
            new ProtocolException(
                    null,
                    ErrorReason.SIMULATION_FAILED,
                    MAX_QUEUED_MESSAGES
                        + " messages are already waiting on this connection; wait for their"
                        + " answers before sending more.")
                .error());
      }
    }
  }

  private void handle(String text) {
    try {
      lab.handle(decoder.decode(text), this::send);
    } catch (ProtocolException e) {
      send(e.error());
    } catch (RuntimeException e) {
      log.warn("Unexpected failure handling a message on connection {}", session.getId(), e);
      send(
          new ProtocolException(
                  null,
                  ErrorReason.SIMULATION_FAILED,
                  "The server failed to handle the message (" + e + "); the log has the details.")
              .error());
    }
  }

  private void send(ServerMessage message) {
    if (!session.isOpen()) {
      return;
    }
    try {
      session.sendMessage(new TextMessage(encoder.encode(message)));
    } catch (IOException | RuntimeException e) {
      log.debug("Could not send to connection {}: {}", session.getId(), e.toString());
    }
  }
}
