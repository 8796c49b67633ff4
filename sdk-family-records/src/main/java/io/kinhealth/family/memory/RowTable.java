package io.kinhealth.family.memory;

import io.kinhealth.family.observation.Observation;

/**
 * A hash table from a string (an observation id, an idempotency key) to an observation, by open addressing over
 * parallel arrays: no entry object per row, growing rehashes references instead of allocating nodes, and the stored
 * hashes let a probe skip other keys without touching their strings (a fresh key usually costs no string compare).
 * The table is split into 16 segments by the hash's top bits, so its arrays stay small (an import of 65,536 rows
 * needs 32 KB per array, never a humongous G1 allocation) and growing rehashes one segment at a time.
 *
 * <p>Not thread-safe: the store guards it with its lock. Removal shifts later entries back (no tombstones).
 */
final class RowTable {
  private static final int SEGMENT_BITS = 4;

  private static final class Segment {
    int[] hashes = new int[16]; // 0 marks an empty slot; stored hashes are never 0
    String[] keys = new String[16];
    Observation[] values = new Observation[16];
    int size;
  }

  private final Segment[] segments = new Segment[1 << SEGMENT_BITS];
  private int size;

  RowTable() {
    for (int i = 0; i < segments.length; i++) {
      segments[i] = new Segment();
    }
  }

  /**
   * A hash of every character in four independent lanes: ids and keys arrive as fresh strings, and String.hashCode's
   * single multiply chain over 36 characters was a fifth of an import's time. Finished with an avalanche, since
   * ids share long prefixes.
   */
  static int hash(String key) {
    int n = key.length();
    int h0 = n;
    int h1 = 0;
    int h2 = 0;
    int h3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      h0 = h0 * 31 + key.charAt(i);
      h1 = h1 * 31 + key.charAt(i + 1);
      h2 = h2 * 31 + key.charAt(i + 2);
      h3 = h3 * 31 + key.charAt(i + 3);
    }
    for (; i < n; i++) {
      h0 = h0 * 31 + key.charAt(i);
    }
    int h = h0 * 0x9E3779B9 ^ h1 * 0x85EBCA6B ^ h2 * 0xC2B2AE35 ^ h3 * 0x27D4EB2F;
    h ^= h >>> 16;
    h *= 0x7FEB352D;
    h ^= h >>> 15;
    return h == 0 ? 1 : h;
  }

  private Segment segment(int h) {
    return segments[h >>> (32 - SEGMENT_BITS)];
  }

  int size() {
    return size;
  }

  Observation get(String key) {
    int h = hash(key);
    Segment s = segment(h);
    int i = find(s, key, h);
    return i >= 0 ? s.values[i] : null;
  }

  /** The slot of {@code key} in its segment ({@code >= 0}), or {@code -(free slot) - 1} where it would go. */
  private static int find(Segment s, String key, int h) {
    int[] hs = s.hashes;
    int mask = hs.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int stored = hs[i];
      if (stored == 0) {
        return -i - 1;
      }
      if (stored == h && s.keys[i].equals(key)) {
        return i;
      }
    }
  }

  /**
   * Looks a key up in one probe: the handle tells whether it is present ({@link #found}, {@link #valueAt}) or where
   * to insert it ({@link #insertAt}), as long as the table does not change in between.
   */
  long probe(String key) {
    int h = hash(key);
    return ((long) h << 32) | (find(segment(h), key, h) & 0xFFFFFFFFL);
  }

  static boolean found(long probe) {
    return (int) probe >= 0;
  }

  Observation valueAt(long probe) {
    return segment((int) (probe >>> 32)).values[(int) probe];
  }

  void insertAt(long probe, String key, Observation value) {
    int h = (int) (probe >>> 32);
    Segment s = segment(h);
    int slot = -(int) probe - 1;
    s.hashes[slot] = h;
    s.keys[slot] = key;
    s.values[slot] = value;
    size++;
    if (++s.size * 4 > s.hashes.length * 3) { // at most three quarters full: the stored hashes keep probes cheap
      rehash(s, s.hashes.length * 2);
    }
  }

  /** Stores the value unless the key is present; returns the value already stored, or null. */
  Observation putIfAbsent(String key, Observation value) {
    long p = probe(key);
    if (found(p)) {
      return valueAt(p);
    }
    insertAt(p, key, value);
    return null;
  }

  /**
   * Makes room for {@code more} entries beyond the current ones (spread evenly over the segments, with slack for
   * uneven hashing) at most about two thirds full, so a batch rarely rehashes while it inserts and a large one does
   * not reserve four slots per row (half full plus slack rounded up to a power of two did, for 65,536 rows).
   */
  void reserve(int more) {
    long perSegment = (size + (long) more) / segments.length;
    long needed = 3 * (perSegment + perSegment / 8 + 8) / 2;
    for (Segment s : segments) {
      if (needed > s.hashes.length) {
        rehash(s, (int) Math.min(1 << 30, Long.highestOneBit(needed - 1) << 1));
      }
    }
  }

  /** Removes the key if it maps to exactly {@code value}. */
  void remove(String key, Observation value) {
    int h = hash(key);
    Segment s = segment(h);
    int i = find(s, key, h);
    if (i < 0 || s.values[i] != value) {
      return;
    }
    int[] hs = s.hashes;
    int mask = hs.length - 1;
    // backward-shift deletion: move later entries of the probe run into the hole
    int hole = i;
    for (int j = (hole + 1) & mask; hs[j] != 0; j = (j + 1) & mask) {
      int home = hs[j] & mask;
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        hs[hole] = hs[j];
        s.keys[hole] = s.keys[j];
        s.values[hole] = s.values[j];
        hole = j;
      }
    }
    hs[hole] = 0;
    s.keys[hole] = null;
    s.values[hole] = null;
    s.size--;
    size--;
  }

  private static void rehash(Segment s, int capacity) {
    int[] oldHashes = s.hashes;
    String[] oldKeys = s.keys;
    Observation[] oldValues = s.values;
    s.hashes = new int[capacity];
    s.keys = new String[capacity];
    s.values = new Observation[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldHashes.length; i++) {
      int h = oldHashes[i];
      if (h != 0) {
        int j = h & mask;
        while (s.hashes[j] != 0) {
          j = (j + 1) & mask;
        }
        s.hashes[j] = h;
        s.keys[j] = oldKeys[i];
        s.values[j] = oldValues[i];
      }
    }
  }
}
