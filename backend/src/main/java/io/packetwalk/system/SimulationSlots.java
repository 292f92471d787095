package io.packetwalk.system;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The one place simulations run: a fixed number of platform threads (so a run's processor time can
 * be measured) behind a short waiting line. Work beyond that is refused with {@link
 * ServerBusyException} instead of piling up, so no number of visitors can run more simulations at
 * once than the server has room for.
 */
@Component
public final class SimulationSlots implements AutoCloseable {

  private final ThreadPoolExecutor pool;
  private final Duration queueWait;
  private final int concurrent;
  private final int queued;

  SimulationSlots(LimitsProperties limits) {
    this(limits.concurrentRuns(), limits.queuedRuns(), limits.queueWait());
  }

  /** {@code concurrent} runs at once, {@code queued} more waiting at most {@code queueWait}. */
  public SimulationSlots(int concurrent, int queued, Duration queueWait) {
    this.concurrent = concurrent;
    this.queued = queued;
    this.queueWait = queueWait;
    AtomicInteger number = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            concurrent,
            concurrent,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1, queued)),
            task -> {
              Thread thread = new Thread(task, "simulation-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Runs {@code work} in a slot and waits for its result. Throws {@link ServerBusyException} when
   * the waiting line is full or the work did not start within the queue wait; an exception of the
   * work itself is rethrown as it was (unchecked) or wrapped (checked).
   */
  public <T> T run(Callable<T> work) {
    long queuedAt = System.nanoTime();
    Future<T> future;
    try {
      future =
          pool.submit(() -> {
            if (System.nanoTime() - queuedAt > queueWait.toNanos()) {
              throw new ServerBusyException(busyMessage());
            }
            return work.call();
          });
    } catch (RejectedExecutionException e) {
      throw new ServerBusyException(busyMessage());
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ServerBusyException("The request was interrupted while its simulation ran.");
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error;
        default -> throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** Simulations running or waiting right now. */
  public int busy() {
    return pool.getActiveCount() + pool.getQueue().size();
  }

  private String busyMessage() {
    return "The server is running its limit of "
        + concurrent
        + " simulations with "
        + queued
        + " more waiting; try again in a few seconds (packetwalk.limits.concurrent-runs).";
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
