package io.kinhealth.compliance.content.internal;

import java.util.ArrayDeque;
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
 * for any alphabet. Immutable and thread-safe once built.
 */
public final class AhoCorasick {
  /** Receives each match: the pattern's index (as given to the constructor) and its end offset (exclusive). */
  @FunctionalInterface
  public interface MatchSink {
    void onMatch(int pattern, int end);
  }

  private static final long EMPTY = -1L;
  private static final int[] NO_OUTPUT = new int[0];

  private final int[] rootNext = new int[65536];
  private final long[] keys;
  private final int[] targets;
  private final int mask;
  private final int[] fail;
  private final int[][] outputs;
  private final int[] lengths;

  /** Builds the automaton; patterns must be non-empty and distinct. */
  public AhoCorasick(List<String> patterns) {
    lengths = new int[patterns.size()];
    Map<Long, Integer> edges = new HashMap<>();
    List<List<Integer>> own = new ArrayList<>();
    own.add(new ArrayList<>());
    List<Integer> depthFirstChar = new ArrayList<>();
    depthFirstChar.add(0);
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
    // Group edges by source state so the breadth-first walk can enumerate children.
    List<List<long[]>> children = new ArrayList<>(states);
    for (int s = 0; s < states; s++) {
      children.add(new ArrayList<>());
    }
    for (Map.Entry<Long, Integer> e : edges.entrySet()) {
      long k = e.getKey();
      children.get((int) (k >>> 16)).add(new long[] {k & 0xFFFF, e.getValue()});
    }
    int capacity = Integer.highestOneBit(Math.max(16, edges.size() * 2)) << 1;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    targets = new int[capacity];
    mask = capacity - 1;
    for (Map.Entry<Long, Integer> e : edges.entrySet()) {
      long k = e.getKey();
      if ((k >>> 16) == 0) {
        rootNext[(int) (k & 0xFFFF)] = e.getValue();
      } else {
        put(k, e.getValue());
      }
    }
    fail = new int[states];
    outputs = new int[states][];
    outputs[0] = NO_OUTPUT;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (long[] child : children.get(0)) {
      int t = (int) child[1];
      fail[t] = 0;
      queue.add(t);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      outputs[s] = merge(own.get(s), outputs[fail[s]]);
      for (long[] child : children.get(s)) {
        char c = (char) child[0];
        int t = (int) child[1];
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
        queue.add(t);
      }
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

  private static long key(int state, char c) {
    return ((long) state << 16) | c;
  }

  private static int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void put(long key, int target) {
    int i = slot(key) & mask;
    while (keys[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    targets[i] = target;
  }

  /** The transition from {@code state} on {@code c}; from the root a miss is 0 (stay), elsewhere -1. */
  private int next(int state, char c) {
    if (state == 0) {
      return rootNext[c];
    }
    long key = key(state, c);
    int i = slot(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return targets[i];
      }
      if (k == EMPTY) {
        return -1;
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
    for (int i = 0; i < length; i++) {
      char c = text[i];
      while (true) {
        int t = next(state, c);
        if (t >= 0) {
          state = t;
          break;
        }
        state = fail[state];
      }
      int[] out = outputs[state];
      for (int p : out) {
        sink.onMatch(p, i + 1);
      }
    }
  }
}
