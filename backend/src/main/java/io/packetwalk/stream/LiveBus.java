package io.packetwalk.stream;

import java.util.function.Consumer;

/**
 * Tells every instance of the server (this one too) that a live lab changed or its presenter moved,
 * in a short text (at most a few hundred characters): PostgreSQL's {@code LISTEN/NOTIFY} in
 * io.packetwalk.live, else {@link LocalLiveBus} within this process.
 */
public interface LiveBus {

  /** The longest message a bus must carry, in characters (PostgreSQL's limit is 8,000 bytes). */
  int MAX_MESSAGE_CHARS = 1000;

  /** Sends {@code message} to every subscriber of every instance, in the order published. */
  void publish(String message);

  /** Calls {@code listener} with every message published from now on. */
  void subscribe(Consumer<String> listener);
}
