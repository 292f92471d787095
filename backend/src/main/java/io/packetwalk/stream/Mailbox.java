package io.packetwalk.stream;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection's messages, handled one at a time in arrival order on a virtual thread that exists
 * only while there is work: an idle connection costs no thread. At most {@code capacity} tasks may
 * wait; closing drops the waiting ones.
 */
final class Mailbox {

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final int capacity;
  private final String name;
  private volatile boolean closed;

  Mailbox(int capacity, String name) {
    this.capacity = capacity;
    this.name = name;
  }

  /** Queues {@code task}; false when the mailbox is full or closed. */
  boolean offer(Runnable task) {
    if (closed || waiting.incrementAndGet() > capacity) {
      waiting.decrementAndGet();
      return false;
    }
    tasks.add(task);
    if (draining.compareAndSet(false, true)) {
      Thread.ofVirtual().name(name).start(this::drain);
    }
    return true;
  }

  /** Drops waiting tasks and refuses new ones; a task already running finishes. */
  void close() {
    closed = true;
    tasks.clear();
  }

  private void drain() {
    while (true) {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        waiting.decrementAndGet();
        if (!closed) {
          task.run();
        }
      }
      draining.set(false);
      if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
        return;
      }
    }
  }
}
