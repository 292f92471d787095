package io.packetwalk.kernel.netfilter;

import java.util.Arrays;
import java.util.List;

/**
 * An order-preserving classification index of one chain's rules, for chains like kube-proxy's
 * KUBE-SERVICES (one {@code -d SVCIP/32 … -j KUBE-SVC-…} rule per Service). A rule is
 * <em>keyed</em> when its base match has a plain {@code -d A.B.C.D/32} (not inverted): it can only
 * match a packet to that address. Every other rule is <em>unkeyed</em> and may match anything. For
 * a packet to {@code dst}, the only rules that can match are the keyed rules of {@code dst} and the
 * unkeyed rules, so a walk may jump from one such candidate to the next in ascending order and
 * still find exactly the rule the kernel's linear walk finds: the rules it passes over fail their
 * {@code -d} test before any {@code -m} match (a statistic, say) is looked at. Candidates are still
 * tested in full. The index only reads the rules; its chain drops it on every change.
 */
public final class RuleIndex {

  /** Chains shorter than this are walked rule by rule: an index would not pay for itself. */
  public static final int WORTH_FROM = 16;

  private final int size;
  private final int[] unkeyed;
  private final int keyedCount;

  /**
   * Open addressing, two ints per slot: the key, then 1 + the position of the key's first rule (0:
   * the slot is empty), so that finding a Service's rule reads one cache line of this array.
   */
  private final int[] slots;

  /** Per slot, the positions of the key's further rules in ascending order, or null. */
  private final int[][] more;

  private final int mask;

  private RuleIndex(int size, int[] unkeyed, int keyedCount, int[] keys, int[][] lists) {
    this.size = size;
    this.unkeyed = unkeyed;
    this.keyedCount = keyedCount;
    this.mask = keys.length - 1;
    this.slots = new int[keys.length * 2];
    this.more = new int[keys.length][];
    for (int s = 0; s < keys.length; s++) {
      int[] list = lists[s];
      if (list != null) {
        slots[2 * s] = keys[s];
        slots[2 * s + 1] = list[0] + 1;
        more[s] = list.length > 1 ? Arrays.copyOfRange(list, 1, list.length) : null;
      }
    }
  }

  /** Indexes {@code rules} in their order. */
  static RuleIndex of(List<Rule> rules) {
    int size = rules.size();
    int[] unkeyed = new int[size];
    int unkeyedCount = 0;
    int[] keyOf = new int[size];
    boolean[] keyed = new boolean[size];
    int keyedCount = 0;
    for (int i = 0; i < size; i++) {
      IpMatch ip = rules.get(i).ip();
      if (ip.dst() != null && !ip.dstInverted() && ip.dst().length() == 32) {
        keyed[i] = true;
        keyOf[i] = ip.dst().address().bits();
        keyedCount++;
      } else {
        unkeyed[unkeyedCount++] = i;
      }
    }
    int capacity = Integer.highestOneBit(Math.max(4, keyedCount * 2 - 1)) << 1;
    int[] keys = new int[capacity];
    int[][] lists = new int[capacity][];
    int[] lengths = new int[capacity];
    int slotMask = capacity - 1;
    for (int i = 0; i < size; i++) {
      if (keyed[i]) {
        int slot = slot(keys, lists, slotMask, keyOf[i]);
        keys[slot] = keyOf[i];
        int[] list = lists[slot];
        if (list == null) {
          list = new int[1];
        } else if (lengths[slot] == list.length) {
          list = Arrays.copyOf(list, list.length * 2);
        }
        list[lengths[slot]++] = i;
        lists[slot] = list;
      }
    }
    for (int s = 0; s < capacity; s++) {
      if (lists[s] != null && lists[s].length != lengths[s]) {
        lists[s] = Arrays.copyOf(lists[s], lengths[s]);
      }
    }
    return new RuleIndex(size, Arrays.copyOf(unkeyed, unkeyedCount), keyedCount, keys, lists);
  }

  /** The slot of {@code key}: where it is, or the empty slot where it belongs (linear probing). */
  private static int slot(int[] keys, int[][] lists, int mask, int key) {
    int slot = mix(key) & mask;
    while (lists[slot] != null && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static int mix(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** How many rules are keyed by their destination; with none, the index saves nothing. */
  public int keyed() {
    return keyedCount;
  }

  /**
   * The first rule at or after {@code from} that can match a packet to {@code dst} (an address's
   * {@code bits()}), or the chain's size when none can.
   */
  public int next(int from, int dst) {
    int slot = mix(dst) & mask;
    int first;
    while ((first = slots[2 * slot + 1]) != 0 && slots[2 * slot] != dst) {
      slot = (slot + 1) & mask;
    }
    int candidate;
    if (first == 0) {
      candidate = size;
    } else if (first - 1 >= from) {
      candidate = first - 1;
    } else {
      candidate = more[slot] == null ? size : atLeast(more[slot], from);
    }
    return Math.min(candidate, atLeast(unkeyed, from));
  }

  /** The first value of the ascending {@code values} that is {@code >= from}, or {@code size}. */
  private int atLeast(int[] values, int from) {
    int n = values.length;
    if (n == 0 || values[n - 1] < from) {
      return size;
    }
    if (values[0] >= from) {
      return values[0];
    }
    int found = Arrays.binarySearch(values, from);
    return values[found >= 0 ? found : -found - 1];
  }
}
