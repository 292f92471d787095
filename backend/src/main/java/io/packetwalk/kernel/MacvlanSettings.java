package io.packetwalk.kernel;

/**
 * What {@code type macvlan …} asks for: the mode, {@code nopromisc} (passthru only) and the
 * broadcast queue length ({@code bcqueuelen}, 1000 unless given).
 */
public record MacvlanSettings(MacvlanMode mode, boolean noPromisc, long broadcastQueueLength) {

  /** The broadcast queue length a macvlan asks for when not told otherwise. */
  public static final long DEFAULT_BROADCAST_QUEUE_LENGTH = 1000;

  public MacvlanSettings {
    if (mode == null) {
      throw new IllegalArgumentException("a macvlan needs a mode");
    }
  }

  public MacvlanSettings withMode(MacvlanMode newMode) {
    return new MacvlanSettings(newMode, noPromisc, broadcastQueueLength);
  }
}
