package io.packetwalk.stream;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code /ws}: admits each connection under the caps of {@link LabServer} (or closes it with the
 * reason), gives it a {@link LabConnection} and passes message fragments on. Accepts fragments so
 * that an oversized message is refused with an error instead of closing the connection.
 */
final class LabSocketHandler extends TextWebSocketHandler {

  /** Tomcat's per-session property for how long a blocking send may wait for the client. */
  private static final String SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

  private static final Logger log = LoggerFactory.getLogger(LabSocketHandler.class);

  private final LabServer server;
  private final Map<String, LabConnection> connections = new ConcurrentHashMap<>();

  LabSocketHandler(LabServer server) {
    this.server = server;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    limitSendTime(session);
    LabConnection connection = new LabConnection(session, server, address(session));
    CloseStatus refusal = server.admit(connection);
    if (refusal != null) {
      server.refuse(connection, refusal);
      return;
    }
    connections.put(session.getId(), connection);
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
      server.left(connection);
    }
  }

  @Override
  public boolean supportsPartialMessages() {
    return true;
  }

  private void limitSendTime(WebSocketSession session) {
    if (session instanceof NativeWebSocketSession nativeSession) {
      jakarta.websocket.Session tomcat =
          nativeSession.getNativeSession(jakarta.websocket.Session.class);
      if (tomcat != null) {
        tomcat
            .getUserProperties()
            .put(SEND_TIMEOUT, server.properties().sendTimeLimit().toMillis());
      }
    }
  }

  private static String address(WebSocketSession session) {
    InetSocketAddress remote = session.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
