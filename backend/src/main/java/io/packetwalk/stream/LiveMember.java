package io.packetwalk.stream;

import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import java.util.List;
import java.util.function.Consumer;

/**
 * One tab in a live lab: its key in the edit log's {@code origin}, whether its link may edit,
 * whether it follows the presenter, and which presented trace it was last sent. Messages reach it
 * through {@code deliver}, which queues them behind what the tab's connection is sending.
 */
final class LiveMember {

  private final String key;
  private final boolean canEdit;
  private final Consumer<List<ServerMessage>> deliver;
  private volatile boolean following;
  private long sentTrace = -1;

  LiveMember(String key, boolean canEdit, Consumer<List<ServerMessage>> deliver) {
    this.key = key;
    this.canEdit = canEdit;
    this.deliver = deliver;
    this.following = !canEdit;
  }

  String key() {
    return key;
  }

  boolean canEdit() {
    return canEdit;
  }

  boolean following() {
    return following;
  }

  void follow(boolean following) {
    this.following = following;
  }

  /** The presented trace last sent to this tab; read and written under its lab's lock. */
  long sentTrace() {
    return sentTrace;
  }

  void sentTrace(long seq) {
    sentTrace = seq;
  }

  void deliver(List<ServerMessage> messages) {
    if (!messages.isEmpty()) {
      deliver.accept(messages);
    }
  }
}
