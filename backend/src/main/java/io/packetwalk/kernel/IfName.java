package io.packetwalk.kernel;

import java.nio.charset.StandardCharsets;

/**
 * The rules for network device names, on their UTF-8 bytes as the kernel sees them: IFNAMSIZ is 16
 * bytes with the final NUL, so a name holds at most 15 bytes (seven "é" but not eight).
 */
public final class IfName {

  /** The kernel's IFNAMSIZ: a name's bytes plus its terminating NUL. */
  public static final int IFNAMSIZ = 16;

  private IfName() {}

  /** How many bytes {@code name} takes in UTF-8. */
  public static int bytes(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Whether {@code name} fits in IFNAMSIZ: at most 15 bytes (the IFLA_IFNAME policy). */
  public static boolean fits(String name) {
    return bytes(name) < IFNAMSIZ;
  }

  /**
   * dev_valid_name(): 1 to 15 bytes, not "." or "..", and no NUL, '/', ':' or byte the kernel's
   * isspace() takes for a blank (tab to carriage return, space, and 0xa0, which is also the second
   * byte of "à" or a no-break space in UTF-8).
   */
  public static boolean validInKernel(String name) {
    if (name.isEmpty() || !fits(name) || name.equals(".") || name.equals("..")) {
      return false;
    }
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == 0 || c == '/' || c == ':' || cBlank(c) || c == 0xa0) {
        return false;
      }
    }
    return true;
  }

  /**
   * iproute2's check_ifname() with a byte limit of {@code limit} including the NUL (IFNAMSIZ, or
   * 128 for alternative names): not empty, and no '/', NUL or blank in the C locale.
   */
  public static boolean validForIproute(String name, int limit) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == 0 || utf8.length >= limit) {
      return false;
    }
    for (byte b : utf8) {
      int c = b & 0xff;
      if (c == 0 || c == '/' || cBlank(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The name the kernel keeps from a longer one copied into IFNAMSIZ (brctl addbr): its first 15
   * bytes. Packetwalk stops before a character the cut would split, where the kernel would keep
   * half of it.
   */
  public static String truncated(String name) {
    StringBuilder kept = new StringBuilder();
    int used = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int width = bytes(new String(Character.toChars(cp)));
      if (used + width >= IFNAMSIZ) {
        break;
      }
      kept.appendCodePoint(cp);
      used += width;
      i += Character.charCount(cp);
    }
    return kept.toString();
  }

  private static boolean cBlank(int c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
