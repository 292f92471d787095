package io.packetwalk.lab;

import io.packetwalk.kernel.IfName;
import java.util.List;

/** The naming rules the kernel and {@code ip netns} apply, checked before anything is built. */
final class Names {

  /** The longest namespace name: a file name under /run/netns. */
  static final int MAX_NETNS_NAME_LENGTH = 255;

  private Names() {}

  static void checkDevice(String field, String name) {
    if (name == null || name.isEmpty()) {
      throw new LabValueException(field, "a device needs a name");
    }
    if (!IfName.fits(name)) {
      throw new LabValueException(
          field,
          "device name \""
              + shown(name)
              + "\" is "
              + IfName.bytes(name)
              + " bytes long in UTF-8; the kernel allows "
              + (IfName.IFNAMSIZ - 1)
              + " (IFNAMSIZ is "
              + IfName.IFNAMSIZ
              + " bytes with the final NUL)");
    }
    if (!IfName.validInKernel(name) || !plain(name, "/:")) {
      throw new LabValueException(
          field,
          "device name \""
              + shown(name)
              + "\" is not allowed (no NUL or other control character, \"/\", \":\", blanks,"
              + " \".\" or \"..\")");
    }
  }

  /** A named namespace; the host's root namespace is written as "". */
  static void checkNetns(String field, String name) {
    if (name == null) {
      throw new LabValueException(field, "a namespace needs a name (\"\" for the root namespace)");
    }
    if (name.isEmpty()) {
      return;
    }
    if (name.length() > MAX_NETNS_NAME_LENGTH
        || name.equals(".")
        || name.equals("..")
        || name.startsWith("-")
        || !plain(name, "/")) {
      throw new LabValueException(
          field,
          "namespace name \""
              + name
              + "\" is not allowed (at most 255 characters, no \"/\", blanks, leading \"-\", \".\" or"
              + " \"..\")");
    }
  }

  static void checkHost(String field, String name) {
    if (name == null || name.isEmpty()) {
      throw new LabValueException(field, "a host needs a name");
    }
    if (!io.packetwalk.kernel.HostName.valid(name)) {
      throw new LabValueException(
          field,
          "host name \""
              + name
              + "\" is not allowed (letters, digits, \".\", \"_\", \"-\"; 63 at most)");
    }
  }

  static String require(String field, String value) {
    if (value == null) {
      throw new LabValueException(field, "is required");
    }
    return value;
  }

  static <T> List<T> list(String field, List<T> values) {
    if (values == null) {
      throw new LabValueException(field, "is required (use [] for none)");
    }
    for (T value : values) {
      if (value == null) {
        throw new LabValueException(field, "must not contain null");
      }
    }
    return List.copyOf(values);
  }

  /** A name as a message shows it: control characters as \\0, \\t, \\xNN. */
  private static String shown(String name) {
    StringBuilder out = new StringBuilder();
    name.chars()
        .forEach(c -> {
          if (c == 0) {
            out.append("\\0");
          } else if (Character.isISOControl(c)) {
            out.append(String.format("\\x%02x", c));
          } else {
            out.append((char) c);
          }
        });
    return out.toString();
  }

  private static boolean plain(String name, String forbidden) {
    return name.chars()
        .noneMatch(c ->
            Character.isWhitespace(c) || Character.isISOControl(c) || forbidden.indexOf(c) >= 0);
  }
}
