package io.packetwalk.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code /ws}: gives each connection its own {@link LabSession} and {@link LabConnection} and
 * passes message fragments on. Accepts fragments so that an oversized message is refused with an
 * error instead of closing the connection.
 */
final class LabSocketHandler extends TextWebSocketHandler {

  /** How long one send may block before the connection is given up. */
  static final int SEND_TIME_LIMIT_MS = 10_000;

  /** How many bytes may wait for a slow client before the connection is given up. */
  static final int SEND_BUFFER_LIMIT_BYTES = 16 * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(LabSocketHandler.class);

  private final BuiltInLab lab;
  private final Map<String, LabConnection> connections = new ConcurrentHashMap<>();

  LabSocketHandler(BuiltInLab lab) {
    this.lab = lab;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    WebSocketSession concurrent =
        new ConcurrentWebSocketSessionDecorator(
            session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT_BYTES);
    connections.put(session.getId(), new LabConnection(concurrent, new LabSession(lab)));
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    LabConnection connection = connections.get(session.getId());
    if (connection != null) {
      connection.receiveText(message.getPayload(), message.isLast());
    }
  }

  @Override
  protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
    LabConnection connection = connections.get(session.getId());
    if (connection != null) {
      connection.receiveBinary(message.isLast());
    }
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    log.debug("Transport error on connection {}: {}", session.getId(), exception.toString());
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    LabConnection connection = connections.remove(session.getId());
    if (connection != null) {
      connection.close();
    }
  }

  @Override
  public boolean supportsPartialMessages() {
    return true;
  }
}
