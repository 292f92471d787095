package io.packetwalk.kernel;

import java.util.Arrays;
import java.util.Optional;

/** How a macvlan device shares its lower device with its siblings (MACVLAN_MODE_*). */
public enum MacvlanMode {
  /** Siblings never see each other, not even when the outside switch sends frames back. */
  PRIVATE("private"),
  /** Every frame goes out to the outside switch; siblings meet only if it sends them back. */
  VEPA("vepa"),
  /** Frames between siblings in bridge mode are switched inside the kernel. */
  BRIDGE("bridge"),
  /** The only macvlan on its lower device, which it takes over (MAC included). */
  PASSTHRU("passthru");

  private final String word;

  MacvlanMode(String word) {
    this.word = word;
  }

  /** The word {@code ip link} reads and prints. */
  public String word() {
    return word;
  }

  public static Optional<MacvlanMode> fromWord(String word) {
    return Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst();
  }
}
