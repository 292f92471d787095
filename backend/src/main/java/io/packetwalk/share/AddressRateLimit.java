package io.packetwalk.share;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How many labs each client address made in the last minute, in this server's memory: a sliding
 * window of start times per address, forgotten once a minute old.
 */
@Component
class AddressRateLimit {

  private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final int limit;
  private final LongSupplier nanoTime;
  private final Map<String, Deque<Long>> recent = new HashMap<>();

  @Autowired
  AddressRateLimit(ShareProperties properties) {
    this(properties.labsPerMinutePerAddress(), System::nanoTime);
  }

  AddressRateLimit(int limit, LongSupplier nanoTime) {
    this.limit = limit;
    this.nanoTime = nanoTime;
  }

  /** Counts one new lab for {@code address}, or refuses (429) when it made the limit already. */
  synchronized void acquire(String address) {
    long now = nanoTime.getAsLong();
    recent.values().removeIf(times -> forget(times, now));
    Deque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
    if (times.size() >= limit) {
      long wait = TimeUnit.NANOSECONDS.toSeconds(times.peekFirst() + WINDOW_NANOS - now) + 1;
      throw new ShareException(
          HttpStatus.TOO_MANY_REQUESTS,
          "TOO_MANY_LABS",
          "This address made "
              + limit
              + " labs in the last minute, the limit; try again in "
              + wait
              + " seconds.");
    }
    times.addLast(now);
  }

  /** Drops the times older than the window; true when none is left. */
  private static boolean forget(Deque<Long> times, long now) {
    while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) {
      times.removeFirst();
    }
    return times.isEmpty();
  }
}
