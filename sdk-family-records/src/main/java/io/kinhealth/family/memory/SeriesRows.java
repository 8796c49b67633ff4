package io.kinhealth.family.memory;

import io.kinhealth.family.observation.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One member's observations of one type in (epoch millisecond, id) order, as chunks of sorted parallel arrays: a
 * {@code long} time and an observation reference per row, no node or key object per row (a skip list costs three
 * objects a row, and young collections copy every one of them while an import runs).
 *
 * <p>Readers never lock. A chunk's rows below its published {@code size} never change; a writer either appends
 * past the size (then publishes the new size) or builds replacement chunks and publishes a new chunk array. A
 * reader therefore sees, per chunk, a consistent prefix. Writers must be serialised by the caller (the store's
 * lock).
 */
final class SeriesRows {
  /** Rows per full chunk: a late insert copies at most one chunk (about 6 KB). */
  static final int CHUNK = 512;

  private static final class Chunk {
    final long[] at;
    final Observation[] rows;
    volatile int size;

    Chunk(int capacity) {
      this.at = new long[capacity];
      this.rows = new Observation[capacity];
    }

    long lastAt() {
      return at[size - 1];
    }

    String lastId() {
      return rows[size - 1].id().value();
    }
  }

  private static final Chunk[] NONE = new Chunk[0];

  private volatile Chunk[] chunks = NONE;

  static int compare(long at1, String id1, long at2, String id2) {
    int c = Long.compare(at1, at2);
    return c != 0 ? c : id1.compareTo(id2);
  }

  static int compare(Observation a, Observation b) {
    return compare(a.effectiveAt().toEpochMilli(), a.id().value(), b.effectiveAt().toEpochMilli(), b.id().value());
  }

  boolean isEmpty() {
    return chunks.length == 0;
  }

  int size() {
    int n = 0;
    for (Chunk c : chunks) {
      n += c.size;
    }
    return n;
  }

  /** Adds one row (writer only). An append after the last row costs two array stores. */
  void add(Observation o) {
    long t = o.effectiveAt().toEpochMilli();
    String id = o.id().value();
    Chunk[] cs = chunks;
    if (cs.length == 0) {
      Chunk c = new Chunk(16);
      c.at[0] = t;
      c.rows[0] = o;
      c.size = 1;
      chunks = new Chunk[] {c};
      return;
    }
    Chunk last = cs[cs.length - 1];
    if (compare(last.lastAt(), last.lastId(), t, id) < 0) {
      appendTail(cs, t, o);
      return;
    }
    int ci = chunkFor(cs, t, id);
    Chunk c = cs[ci];
    int n = c.size;
    int pos = position(c, n, t, id);
    Chunk[] next;
    if (n < CHUNK) {
      Chunk copy = new Chunk(Math.min(CHUNK, Math.max(16, n + n / 2 + 1)));
      System.arraycopy(c.at, 0, copy.at, 0, pos);
      System.arraycopy(c.rows, 0, copy.rows, 0, pos);
      copy.at[pos] = t;
      copy.rows[pos] = o;
      System.arraycopy(c.at, pos, copy.at, pos + 1, n - pos);
      System.arraycopy(c.rows, pos, copy.rows, pos + 1, n - pos);
      copy.size = n + 1;
      next = cs.clone();
      next[ci] = copy;
    } else { // full: split into two halves around the new row
      long[] at = new long[n + 1];
      Observation[] rows = new Observation[n + 1];
      System.arraycopy(c.at, 0, at, 0, pos);
      System.arraycopy(c.rows, 0, rows, 0, pos);
      at[pos] = t;
      rows[pos] = o;
      System.arraycopy(c.at, pos, at, pos + 1, n - pos);
      System.arraycopy(c.rows, pos, rows, pos + 1, n - pos);
      int half = (n + 1) / 2;
      next = new Chunk[cs.length + 1];
      System.arraycopy(cs, 0, next, 0, ci);
      next[ci] = chunkOf(at, rows, 0, half, CHUNK);
      next[ci + 1] = chunkOf(at, rows, half, n + 1 - half, CHUNK);
      System.arraycopy(cs, ci + 1, next, ci + 2, cs.length - ci - 1);
    }
    chunks = next;
  }

  /**
   * Adds rows sorted in (time, id) order (writer only): appended in place when they all follow the last row (a
   * device sync, the common case), otherwise merged with the existing rows into fresh chunks in one pass.
   */
  void addSorted(Observation[] sorted, long[] at, int from, int to) {
    if (from >= to) {
      return;
    }
    Chunk[] cs = chunks;
    if (cs.length > 0) {
      Chunk last = cs[cs.length - 1];
      if (compare(last.lastAt(), last.lastId(), at[from], sorted[from].id().value()) >= 0) {
        if (to - from <= 8) { // a few late rows: insert them one by one, copying at most a chunk each
          for (int i = from; i < to; i++) {
            add(sorted[i]);
          }
        } else {
          merge(cs, sorted, at, from, to);
        }
        return;
      }
    }
    List<Chunk> grown = new ArrayList<>(cs.length + (to - from) / CHUNK + 1);
    Collections.addAll(grown, cs);
    int i = from;
    if (!grown.isEmpty()) {
      Chunk last = grown.get(grown.size() - 1);
      int room = last.at.length - last.size;
      if (room > 0) { // fill the tail chunk in place, then publish its size once
        int k = Math.min(room, to - i);
        System.arraycopy(at, i, last.at, last.size, k);
        System.arraycopy(sorted, i, last.rows, last.size, k);
        last.size = last.size + k;
        i += k;
      }
    }
    while (i < to) {
      int k = Math.min(CHUNK, to - i);
      grown.add(chunkOf(at, sorted, i, k, k == CHUNK ? CHUNK : Math.max(16, Math.min(CHUNK, k * 2))));
      i += k;
    }
    if (grown.size() != cs.length) {
      chunks = grown.toArray(NONE);
    }
  }

  private void appendTail(Chunk[] cs, long t, Observation o) {
    Chunk last = cs[cs.length - 1];
    int n = last.size;
    if (n < last.at.length) {
      last.at[n] = t;
      last.rows[n] = o;
      last.size = n + 1; // publishes the row to readers
      return;
    }
    if (last.at.length < CHUNK) { // grow the tail chunk by replacing it
      Chunk bigger = new Chunk(Math.min(CHUNK, last.at.length * 2));
      System.arraycopy(last.at, 0, bigger.at, 0, n);
      System.arraycopy(last.rows, 0, bigger.rows, 0, n);
      bigger.at[n] = t;
      bigger.rows[n] = o;
      bigger.size = n + 1;
      Chunk[] next = cs.clone();
      next[cs.length - 1] = bigger;
      chunks = next;
      return;
    }
    Chunk fresh = new Chunk(16);
    fresh.at[0] = t;
    fresh.rows[0] = o;
    fresh.size = 1;
    Chunk[] next = Arrays.copyOf(cs, cs.length + 1);
    next[cs.length] = fresh;
    chunks = next;
  }

  private void merge(Chunk[] cs, Observation[] sorted, long[] at, int from, int to) {
    int existing = 0;
    for (Chunk c : cs) {
      existing += c.size;
    }
    int total = existing + to - from;
    long[] mergedAt = new long[total];
    Observation[] merged = new Observation[total];
    int k = 0;
    int j = from;
    for (Chunk c : cs) {
      int n = c.size;
      for (int i = 0; i < n; i++) {
        long t = c.at[i];
        Observation o = c.rows[i];
        while (j < to && compare(at[j], sorted[j].id().value(), t, o.id().value()) < 0) {
          mergedAt[k] = at[j];
          merged[k++] = sorted[j++];
        }
        mergedAt[k] = t;
        merged[k++] = o;
      }
    }
    while (j < to) {
      mergedAt[k] = at[j];
      merged[k++] = sorted[j++];
    }
    chunks = chunksOf(mergedAt, merged, total);
  }

  /** Removes the given rows (a rollback; writer only), rebuilding the chunks in one pass. */
  void removeAll(Set<Observation> gone) {
    Chunk[] cs = chunks;
    int total = 0;
    for (Chunk c : cs) {
      total += c.size;
    }
    long[] keptAt = new long[total];
    Observation[] kept = new Observation[total];
    int k = 0;
    for (Chunk c : cs) {
      for (int i = 0; i < c.size; i++) {
        if (!gone.contains(c.rows[i])) {
          keptAt[k] = c.at[i];
          kept[k++] = c.rows[i];
        }
      }
    }
    chunks = chunksOf(keptAt, kept, k);
  }

  /** Removes one row (a rollback; writer only). */
  void remove(Observation o) {
    Set<Observation> one = Collections.newSetFromMap(new IdentityHashMap<>(2));
    one.add(o);
    removeAll(one);
  }

  private static Chunk[] chunksOf(long[] at, Observation[] rows, int n) {
    Chunk[] out = new Chunk[(n + CHUNK - 1) / CHUNK];
    for (int c = 0; c < out.length; c++) {
      int k = Math.min(CHUNK, n - c * CHUNK);
      out[c] = chunkOf(at, rows, c * CHUNK, k, CHUNK);
    }
    return out;
  }

  private static Chunk chunkOf(long[] at, Observation[] rows, int from, int n, int capacity) {
    Chunk c = new Chunk(capacity);
    System.arraycopy(at, from, c.at, 0, n);
    System.arraycopy(rows, from, c.rows, 0, n);
    c.size = n;
    return c;
  }

  /** The chunk that holds, or would hold, the key: the first whose last row is not before it (else the last). */
  private static int chunkFor(Chunk[] cs, long t, String id) {
    int lo = 0;
    int hi = cs.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      Chunk m = cs[mid];
      if (compare(m.lastAt(), m.lastId(), t, id) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first position in the chunk whose row is not before the key (or after it, if {@code after}). */
  private static int position(Chunk c, int n, long t, String id, boolean after) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = compare(c.at[mid], c.rows[mid].id().value(), t, id);
      if (cmp < 0 || (after && cmp == 0)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int position(Chunk c, int n, long t, String id) {
    return position(c, n, t, id, false);
  }

  /**
   * Collects up to {@code limit} rows from the key {@code (fromAt, fromId)} (exclusive if {@code after}) to the
   * time {@code toAt} (exclusive) into {@code out}; returns whether more rows remain in the range.
   */
  boolean collect(long fromAt, String fromId, boolean after, long toAt, int limit, List<Observation> out) {
    Chunk[] cs = chunks;
    if (cs.length == 0) {
      return false;
    }
    int first = chunkFor(cs, fromAt, fromId);
    for (int ci = first; ci < cs.length; ci++) {
      Chunk c = cs[ci];
      int n = c.size;
      int i = ci == first ? position(c, n, fromAt, fromId, after) : 0;
      for (; i < n; i++) {
        if (c.at[i] >= toAt) {
          return false;
        }
        if (out.size() == limit) {
          return true;
        }
        out.add(c.rows[i]);
      }
    }
    return false;
  }

  /** The {@code limit} last rows, newest first. */
  List<Observation> latest(int limit) {
    Chunk[] cs = chunks;
    List<Observation> out = new ArrayList<>(Math.min(limit, 64));
    for (int ci = cs.length - 1; ci >= 0 && out.size() < limit; ci--) {
      Chunk c = cs[ci];
      for (int i = c.size - 1; i >= 0 && out.size() < limit; i--) {
        out.add(c.rows[i]);
      }
    }
    return out;
  }
}
