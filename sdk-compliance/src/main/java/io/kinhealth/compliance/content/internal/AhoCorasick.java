package io.kinhealth.compliance.content.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over UTF-16 code units: one left-to-right pass reports every occurrence of every
 * pattern, overlapping ones included, in order of their end position.
 *
 * <p>Root transitions are a direct 64K table (most characters of running text leave the root at once); deeper
 * transitions live in one open-addressing hash table keyed by {@code (state, char)}, so the automaton stays small
 * for any alphabet. States are numbered breadth first, so the shallow states a scan visits most sit together in
 * memory; a per-state 64-bit class mask answers most misses without a probe, and outputs are one flat array.
 * A state's mask and failure link share one 16-byte slot and a hash entry holds its key and target in one long, so
 * a step costs one cache line per state visited and one per probe (the tables outgrow the core's own cache).
 * Immutable and thread-safe once built.
 */
public final class AhoCorasick {
  /** Receives each match: the pattern's index (as given to the constructor) and its end offset (exclusive). */
  @FunctionalInterface
  public interface MatchSink {
    void onMatch(int pattern, int end);
  }

  private static final long EMPTY = -1L;
  private static final long HAS_OUTPUT = 1L << 63;
  /** A hash entry is {@code key << TARGET_BITS | target}; states are numbered below {@code 1 << TARGET_BITS}. */
  private static final int TARGET_BITS = 24;
  private static final long TARGET_MASK = (1L << TARGET_BITS) - 1;

  private final int[] rootNext = new int[65536];
  /** Open addressing: {@code (state, char) << TARGET_BITS | target}, or {@link #EMPTY}. */
  private final long[] entries;
  private final int mask;
  /** Failure links during construction; the scan reads them from {@link #node}. */
  private final int[] fail;
  /**
   * Per state, one bit per character class (the character's low bits, mixed; 63 classes) that has a transition: a
   * clear bit answers a miss without probing the hash table, and most steps from a deep state are misses. The top
   * bit says whether any pattern ends at the state, so a scan reads the outputs only where there are some.
   */
  private final long[] childClasses;
  /** Per state {@code s}: {@code node[2s]} its class mask ({@link #childClasses}), {@code node[2s + 1]} its failure link. */
  private final long[] node;
  /** Patterns ending at state {@code s} (its own and its failure chain's): {@code output[outputStart[s] ..]}. */
  private final int[] outputStart;
  private final int[] output;
  private final int[] lengths;

  /** Builds the automaton; patterns must be non-empty and distinct. */
  public AhoCorasick(List<String> patterns) {
    lengths = new int[patterns.size()];
    // 1. The trie, states in insertion order.
    Map<Long, Integer> edges = new HashMap<>();
    List<List<Integer>> own = new ArrayList<>();
    own.add(new ArrayList<>());
    for (int p = 0; p < patterns.size(); p++) {
      String pattern = patterns.get(p);
      if (pattern.isEmpty()) {
        throw new IllegalArgumentException("empty pattern at " + p);
      }
      lengths[p] = pattern.length();
      int state = 0;
      for (int i = 0; i < pattern.length(); i++) {
        long key = key(state, pattern.charAt(i));
        Integer next = edges.get(key);
        if (next == null) {
          next = own.size();
          own.add(new ArrayList<>());
          edges.put(key, next);
        }
        state = next;
      }
      own.get(state).add(p);
    }
    int states = own.size();
    if (states >= TARGET_MASK) {
      throw new IllegalArgumentException("too many automaton states: " + states);
    }
    List<List<long[]>> children = new ArrayList<>(states);
    for (int s = 0; s < states; s++) {
      children.add(new ArrayList<>());
    }
    for (Map.Entry<Long, Integer> e : edges.entrySet()) {
      long k = e.getKey();
      children.get((int) (k >>> 16)).add(new long[] {k & 0xFFFF, e.getValue()});
    }
    for (List<long[]> c : children) {
      c.sort((a, b) -> Long.compare(a[0], b[0])); // a stable numbering, whatever the hash map's order
    }
    // 2. Breadth-first renumbering: order[newId] = oldId.
    int[] order = new int[states];
    int[] renamed = new int[states];
    int head = 0;
    int tail = 1;
    while (head < tail) {
      int old = order[head++];
      for (long[] child : children.get(old)) {
        renamed[(int) child[1]] = tail;
        order[tail++] = (int) child[1];
      }
    }
    // 3. Transitions in the new numbering.
    int capacity = Integer.highestOneBit(Math.max(16, edges.size() * 2)) << 1;
    entries = new long[capacity];
    Arrays.fill(entries, EMPTY);
    mask = capacity - 1;
    childClasses = new long[states];
    for (int s = 0; s < states; s++) {
      for (long[] child : children.get(order[s])) {
        char c = (char) child[0];
        int t = renamed[(int) child[1]];
        childClasses[s] |= 1L << charClass(c);
        if (s == 0) {
          rootNext[c] = t;
        } else {
          put(key(s, c), t);
        }
      }
    }
    // 4. Failure links and outputs, breadth first (a state's failure target is always shallower).
    fail = new int[states];
    int[][] outputs = new int[states][];
    outputs[0] = new int[0];
    for (int s = 1; s < states; s++) {
      List<Integer> mine = own.get(order[s]);
      outputs[s] = merge(mine, outputs[fail[s]]);
      for (long[] child : children.get(order[s])) {
        char c = (char) child[0];
        int t = renamed[(int) child[1]];
        int f = fail[s];
        int target;
        while (true) {
          target = next(f, c);
          if (target >= 0 || f == 0) {
            break;
          }
          f = fail[f];
        }
        fail[t] = target > 0 ? target : 0;
      }
    }
    for (long[] child : children.get(0)) {
      fail[renamed[(int) child[1]]] = 0;
    }
    outputStart = new int[states + 1];
    int total = 0;
    for (int s = 0; s < states; s++) {
      outputStart[s] = total;
      total += outputs[s].length;
    }
    outputStart[states] = total;
    output = new int[total];
    for (int s = 0; s < states; s++) {
      System.arraycopy(outputs[s], 0, output, outputStart[s], outputs[s].length);
      if (outputs[s].length > 0) {
        childClasses[s] |= HAS_OUTPUT;
      }
    }
    node = new long[2 * states];
    for (int s = 0; s < states; s++) {
      node[2 * s] = childClasses[s];
      node[2 * s + 1] = fail[s];
    }
  }

  private static int[] merge(List<Integer> mine, int[] inherited) {
    if (mine.isEmpty()) {
      return inherited;
    }
    int[] out = new int[mine.size() + inherited.length];
    for (int i = 0; i < mine.size(); i++) {
      out[i] = mine.get(i);
    }
    System.arraycopy(inherited, 0, out, mine.size(), inherited.length);
    return out;
  }

  private static int charClass(char c) {
    return ((c ^ (c >>> 6) ^ (c >>> 12)) & 63) % 63;
  }

  private static long key(int state, char c) {
    return ((long) state << 16) | c;
  }

  private static int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void put(long key, int target) {
    int i = slot(key) & mask;
    while (entries[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    entries[i] = key << TARGET_BITS | target;
  }

  /** The transition from {@code state} on {@code c}; from the root a miss is 0 (stay), elsewhere -1. */
  private int next(int state, char c) {
    if (state == 0) {
      return rootNext[c];
    }
    if ((childClasses[state] & (1L << charClass(c))) == 0) {
      return -1;
    }
    return probe(state, c);
  }

  private int probe(int state, char c) {
    long key = key(state, c);
    int i = slot(key) & mask;
    while (true) {
      long entry = entries[i];
      if (entry == EMPTY) {
        return -1;
      }
      if (entry >>> TARGET_BITS == key) {
        return (int) (entry & TARGET_MASK);
      }
      i = (i + 1) & mask;
    }
  }

  /** The length of pattern {@code p}. */
  public int length(int p) {
    return lengths[p];
  }

  /** Reports every match in {@code text[0, length)} to {@code sink}, ordered by end offset. */
  public void scan(char[] text, int length, MatchSink sink) {
    int state = 0;
    long classes = node[0];
    for (int i = 0; i < length; i++) {
      char c = text[i];
      long bit = 1L << charClass(c);
      while (state != 0) {
        if ((classes & bit) != 0) {
          int t = probe(state, c);
          if (t >= 0) {
            state = t;
            break;
          }
        }
        state = (int) node[2 * state + 1];
        classes = node[2 * state];
      }
      if (state == 0) {
        state = rootNext[c];
      }
      classes = node[2 * state];
      if (classes < 0) { // HAS_OUTPUT is the sign bit
        for (int o = outputStart[state], end = outputStart[state + 1]; o < end; o++) {
          sink.onMatch(output[o], i + 1);
        }
      }
    }
  }
}
