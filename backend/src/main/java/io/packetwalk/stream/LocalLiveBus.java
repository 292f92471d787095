package io.packetwalk.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The live bus of one process (the server on its embedded H2 database): messages reach this
 * instance's subscribers in the order published, on one thread of their own, never on the
 * publisher's.
 */
public final class LocalLiveBus implements LiveBus, AutoCloseable {

  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService delivery =
      Executors.newSingleThreadExecutor(
          task -> Thread.ofPlatform().daemon().name("live-bus").unstarted(task));

  @Override
  public void publish(String message) {
    delivery.execute(() -> listeners.forEach(listener -> listener.accept(message)));
  }

  @Override
  public void subscribe(Consumer<String> listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    delivery.shutdownNow();
  }
}
