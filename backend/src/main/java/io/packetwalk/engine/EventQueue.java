package io.packetwalk.engine;

import io.packetwalk.trace.Location;
import java.util.PriorityQueue;

/**
 * Pending work in virtual time, ordered by (time, insertion sequence) so that two events at the
 * same nanosecond always run in the order they were scheduled.
 */
final class EventQueue {

  /** What an event is: a frame in flight (drained when a run ends) or a timer. */
  enum Kind {
    FRAME,
    TIMER
  }

  /** One scheduled piece of work, with where it happens and the step that caused it. */
  record Event(long timeNs, long order, Kind kind, Location where, Cause cause, Runnable action) {}

  private final PriorityQueue<Event> queue =
      new PriorityQueue<>((a, b) ->
          a.timeNs != b.timeNs ? Long.compare(a.timeNs, b.timeNs) : Long.compare(a.order, b.order));
  private long nextOrder;

  Event schedule(long timeNs, Kind kind, Location where, Cause cause, Runnable action) {
    Event event = new Event(timeNs, nextOrder++, kind, where, cause, action);
    queue.add(event);
    return event;
  }

  /** Takes a pending event out of the queue; an event already run or cancelled is ignored. */
  void cancel(Event event) {
    queue.remove(event);
  }

  Event peek() {
    return queue.peek();
  }

  Event poll() {
    return queue.poll();
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** Forgets every frame still in flight (after a storm); timers stay. */
  void dropFrames() {
    queue.removeIf(e -> e.kind == Kind.FRAME);
  }
}
