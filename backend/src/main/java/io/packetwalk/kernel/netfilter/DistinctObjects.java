package io.packetwalk.kernel.netfilter;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers objects by identity in the order first seen, for {@link TableProgram}'s tables of the
 * matches and targets that rules share. The last few objects seen are compared first: rules near
 * each other mostly share a few (kube-proxy's port match, its four statistic matches, the DNAT
 * targets of one set of endpoints), and comparing costs no identity hash.
 */
final class DistinctObjects<T> {

  private final Map<T, Integer> indexes = new IdentityHashMap<>();
  private final List<T> objects = new ArrayList<>();
  private static final int RECENT = 8;
  private final Object[] recent = new Object[RECENT];
  private final int[] recentIndexes = new int[RECENT];
  private int nextRecent;

  /** The index of {@code object}, numbering it if it is new. */
  int indexOf(T object) {
    for (int i = 0; i < RECENT; i++) {
      if (recent[i] == object) {
        return recentIndexes[i];
      }
    }
    Integer index = indexes.putIfAbsent(object, objects.size());
    if (index == null) {
      index = objects.size();
      objects.add(object);
    }
    recent[nextRecent] = object;
    recentIndexes[nextRecent] = index;
    nextRecent = (nextRecent + 1) % RECENT;
    return index;
  }

  /** Every object numbered, by index. */
  List<T> all() {
    return objects;
  }
}
