package io.packetwalk.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks {@code /api/health} every {@code period} on its own thread and connection until stopped,
 * keeping each answer's latency; a failed or non-200 answer counts as the full timeout.
 */
final class HealthProbe implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final List<Long> latenciesNs = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  HealthProbe(URI health, Duration period) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    this.thread =
        Thread.ofPlatform()
            .name("health-probe")
            .start(() -> {
              while (running) {
                long start = System.nanoTime();
                try {
                  HttpResponse<String> answer =
                      client.send(
                          HttpRequest.newBuilder(health).timeout(TIMEOUT).build(),
                          HttpResponse.BodyHandlers.ofString());
                  record(System.nanoTime() - start, answer.statusCode() == 200 ? null : answer);
                } catch (Exception e) {
                  record(TIMEOUT.toNanos(), e);
                }
                try {
                  Thread.sleep(period);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
  }

  private synchronized void record(long latencyNs, Object failure) {
    latenciesNs.add(latencyNs);
    if (failure != null) {
      failures.add(failure.toString());
    }
  }

  synchronized List<Long> latenciesNs() {
    return List.copyOf(latenciesNs);
  }

  synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  /** The {@code q}-quantile of the latencies so far (nearest rank), in nanoseconds. */
  synchronized long quantileNs(double q) {
    List<Long> sorted = new ArrayList<>(latenciesNs);
    sorted.sort(null);
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
  }
}
