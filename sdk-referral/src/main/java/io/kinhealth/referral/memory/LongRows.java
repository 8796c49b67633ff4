package io.kinhealth.referral.memory;

import java.util.Arrays;

/**
 * Fixed-width rows of {@code long}s, appended in chunks of 4,096 rows that are never copied once full. A ledger's
 * columns only grow; doubling one array would copy every row again at each doubling (a tenth of the time of posting
 * an entry when profiled) and, past a megabyte, allocate straight into the old generation. The first chunk starts
 * small and doubles up to a full chunk, so the many accounts with a handful of lines stay small.
 *
 * <p>Not thread-safe: used under the store's monitor.
 */
final class LongRows {
  private static final int SHIFT = 12;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  private final int stride;
  private long[][] chunks = new long[1][];
  private int size;

  LongRows(int stride, int initialRows) {
    this.stride = stride;
    chunks[0] = new long[stride * Math.max(1, Math.min(CHUNK, initialRows))];
  }

  int size() {
    return size;
  }

  /** Appends a row and returns its index; the caller sets every field (a reused row may hold old values). */
  int append() {
    int r = size;
    int c = r >>> SHIFT;
    if (c == 0) {
      if (r * stride == chunks[0].length) {
        chunks[0] = Arrays.copyOf(chunks[0], Math.min(CHUNK, r * 2) * stride);
      }
    } else if ((r & MASK) == 0 && (c >= chunks.length || chunks[c] == null)) {
      if (c >= chunks.length) {
        chunks = Arrays.copyOf(chunks, chunks.length * 2);
      }
      chunks[c] = new long[CHUNK * stride];
    }
    size++;
    return r;
  }

  long get(int row, int field) {
    return chunks[row >>> SHIFT][(row & MASK) * stride + field];
  }

  void set(int row, int field, long value) {
    chunks[row >>> SHIFT][(row & MASK) * stride + field] = value;
  }

  /** Drops the rows from {@code size} on (a rollback of the latest appends). */
  void truncate(int size) {
    this.size = size;
  }

  /** Removes row {@code row}, moving the later ones up (a rollback out of order: rare). */
  void remove(int row) {
    for (int r = row; r < size - 1; r++) {
      System.arraycopy(chunks[(r + 1) >>> SHIFT], ((r + 1) & MASK) * stride, chunks[r >>> SHIFT], (r & MASK) * stride,
          stride);
    }
    size--;
  }

  long[] copy(int row) {
    int at = (row & MASK) * stride;
    return Arrays.copyOfRange(chunks[row >>> SHIFT], at, at + stride);
  }

  void restore(int row, long[] values) {
    System.arraycopy(values, 0, chunks[row >>> SHIFT], (row & MASK) * stride, stride);
  }
}
