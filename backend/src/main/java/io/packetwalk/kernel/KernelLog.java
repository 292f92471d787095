package io.packetwalk.kernel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A host's kernel log ring, as {@code dmesg} reads it: lines stamped with the virtual time since
 * boot. Only the newest {@link #CAPACITY} lines are kept, as the kernel's ring buffer overwrites.
 */
public final class KernelLog {

  public static final int CAPACITY = 1024;

  private final Deque<String> lines = new ArrayDeque<>();

  public void append(long nowNs, String message) {
    long micros = nowNs / 1_000;
    String stamp = String.format("[%5d.%06d] ", micros / 1_000_000, micros % 1_000_000);
    if (lines.size() == CAPACITY) {
      lines.removeFirst();
    }
    lines.addLast(stamp + message);
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public void clear() {
    lines.clear();
  }
}
