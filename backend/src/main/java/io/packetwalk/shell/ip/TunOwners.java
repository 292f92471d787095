package io.packetwalk.shell.ip;

import java.util.Map;

/**
 * The users and groups a simulated machine knows by name (its /etc/passwd and /etc/group hold only
 * root): {@code ip tuntap} accepts a name or a number, and {@code ip -d link} prints the name when
 * there is one.
 */
final class TunOwners {

  private static final Map<String, Integer> USERS = Map.of("root", 0);
  private static final Map<String, Integer> GROUPS = Map.of("root", 0);

  private TunOwners() {}

  /** getpwnam(), or the number itself; null when it is neither. */
  static Integer user(String word) {
    return lookup(USERS, word);
  }

  /** getgrnam(), or the number itself; null when it is neither. */
  static Integer group(String word) {
    return lookup(GROUPS, word);
  }

  static String userName(int uid) {
    return name(USERS, uid);
  }

  static String groupName(int gid) {
    return name(GROUPS, gid);
  }

  private static Integer lookup(Map<String, Integer> names, String word) {
    Integer known = names.get(word);
    if (known != null) {
      return known;
    }
    try {
      long number = Long.parseLong(word);
      return number >= 0 && number <= Integer.MAX_VALUE ? (int) number : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String name(Map<String, Integer> names, int id) {
    return names.entrySet().stream()
        .filter(e -> e.getValue() == id)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(Integer.toUnsignedString(id));
  }
}
