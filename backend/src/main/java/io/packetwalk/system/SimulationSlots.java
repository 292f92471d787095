package io.packetwalk.system;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one place simulations run: fixed numbers of platform threads (so a run's processor time can
 * be measured) behind short waiting lines, in two lanes — interactive work (a console command, a
 * probe) and whole scripts — so that scripts never starve the people clicking in a lab. Work beyond
 * a lane's room is refused with {@link ServerBusyException} instead of piling up, so no number of
 * visitors can run more simulations at once than the server has room for.
 */
@Component
public final class SimulationSlots implements AutoCloseable {

  private final Lane interactive;
  private final Lane scripts;

  @Autowired
  SimulationSlots(LimitsProperties limits) {
    this(
        new LaneSize(limits.concurrentRuns(), limits.queuedRuns()),
        new LaneSize(limits.concurrentScripts(), limits.queuedScripts()),
        limits.queueWait());
  }

  /** How many runs of a lane run at once and how many more may wait. */
  public record LaneSize(int concurrent, int queued) {
    public LaneSize {
      if (concurrent < 1 || queued < 0) {
        throw new IllegalArgumentException("a lane runs at least one and queues none or more");
      }
    }
  }

  /** Lanes of the given sizes; queued work that waited longer than {@code queueWait} is refused. */
  public SimulationSlots(LaneSize interactive, LaneSize scripts, Duration queueWait) {
    this.interactive =
        new Lane("simulation", interactive, queueWait, "packetwalk.limits.concurrent-runs");
    this.scripts = new Lane("script", scripts, queueWait, "packetwalk.limits.concurrent-scripts");
  }

  /**
   * Runs interactive {@code work} (one command, one probe) in a slot and waits for its result.
   * Throws {@link ServerBusyException} when the waiting line is full or the work did not start
   * within the queue wait; an exception of the work itself is rethrown as it was (unchecked) or
   * wrapped (checked).
   */
  public <T> T run(Callable<T> work) {
    return interactive.run(work);
  }

  /** As {@link #run(Callable)}, for a whole script (HTTP {@code /api/run}, imports). */
  public <T> T runScript(Callable<T> work) {
    return scripts.run(work);
  }

  /** Simulations running or waiting right now, in both lanes. */
  public int busy() {
    return interactive.busy() + scripts.busy();
  }

  @Override
  public void close() {
    interactive.close();
    scripts.close();
  }

  /** One lane: its threads, its waiting line and what it says when full. */
  private static final class Lane {

    private final ThreadPoolExecutor pool;
    private final Duration queueWait;
    private final String busyMessage;

    Lane(String name, LaneSize size, Duration queueWait, String property) {
      this.queueWait = queueWait;
      this.busyMessage =
          "The server is running its limit of "
              + size.concurrent()
              + " "
              + name
              + (size.concurrent() == 1 ? "" : "s")
              + " with "
              + size.queued()
              + " more waiting; try again in a few seconds ("
              + property
              + ").";
      AtomicInteger number = new AtomicInteger();
      this.pool =
          new ThreadPoolExecutor(
              size.concurrent(),
              size.concurrent(),
              0,
              TimeUnit.SECONDS,
              size.queued() == 0
                  ? new SynchronousQueue<>()
                  : new ArrayBlockingQueue<>(size.queued()),
              task -> {
                Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
    }

    <T> T run(Callable<T> work) {
      long queuedAt = System.nanoTime();
      Future<T> future;
      try {
        future =
            pool.submit(() -> {
              if (System.nanoTime() - queuedAt > queueWait.toNanos()) {
                throw new ServerBusyException(busyMessage);
              }
              return work.call();
            });
      } catch (RejectedExecutionException e) {
        throw new ServerBusyException(busyMessage);
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

    int busy() {
      return pool.getActiveCount() + pool.getQueue().size();
    }

    void close() {
      pool.shutdownNow();
    }
  }
}
