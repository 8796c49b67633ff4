package io.kinhealth.referral.memory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns typed-id values (at most 64 characters of {@code [A-Za-z0-9._:-]}, so one byte each) into one byte arena
 * and gives each a dense {@code int} code. The ledger keeps millions of ids; as codes they cost the garbage collector
 * nothing, as {@code String}s and records they would be three objects each, copied at every young collection.
 *
 * <p>Codes are never taken back (a rolled-back write leaves its id interned, which is harmless), so a code stays
 * valid for the table's life. Not thread-safe: the store calls it under its monitor.
 */
final class IdTable {
  private byte[] bytes = new byte[1 << 14];
  private int used;
  private int[] start = new int[1 << 10];
  private byte[] length = new byte[1 << 10];
  private int count;
  /**
   * Open addressing with linear probing, at most half full; each slot is two ints, code + 1 (0: empty) and the
   * value's hash, so a probe that misses (every new id misses once) touches one cache line, not two.
   */
  private int[] slots = new int[2 << 11];
  /** The last value found or interned and its code: an entry's id is looked up once per line it writes. */
  private String lastValue;
  private int lastCode;
  /** The last value looked up in vain and the empty slot it ended on, for the intern that usually follows. */
  private String missedValue;
  private int missedSlot;

  /** How many codes have been given out; codes are {@code 0 .. size() - 1}. */
  int size() {
    return count;
  }

  /** The code of {@code value}, or -1 if it was never interned. */
  int find(String value) {
    if (value == lastValue) {
      return lastCode;
    }
    int h = value.hashCode();
    int mask = slots.length - 2;
    for (int i = spread(h) & mask; ; i = (i + 2) & mask) {
      int s = slots[i];
      if (s == 0) {
        missedValue = value;
        missedSlot = i;
        return -1;
      }
      if (slots[i + 1] == h && matches(s - 1, value)) {
        lastValue = value;
        lastCode = s - 1;
        return s - 1;
      }
    }
  }

  /** The code of {@code value}, interning it first if needed. */
  int intern(String value) {
    int code = value == missedValue ? -1 : find(value);
    if (code >= 0) {
      return code;
    }
    int slot = missedSlot;
    missedValue = null;
    int n = value.length();
    if (n > Byte.MAX_VALUE) {
      throw new IllegalArgumentException("an id is at most " + Byte.MAX_VALUE + " characters");
    }
    if (count == start.length) {
      start = Arrays.copyOf(start, count * 2);
      length = Arrays.copyOf(length, count * 2);
    }
    if (used + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + n));
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c > 0x7f) {
        throw new IllegalArgumentException("an id is ASCII");
      }
      bytes[used + i] = (byte) c;
    }
    code = count++;
    start[code] = used;
    length[code] = (byte) n;
    used += n;
    slots[slot] = code + 1;
    slots[slot + 1] = value.hashCode();
    if (count * 4 > slots.length) {
      rehash(slots.length * 2);
    }
    lastValue = value;
    lastCode = code;
    return code;
  }

  /** The value behind {@code code}, as a new string. */
  String value(int code) {
    return new String(bytes, start[code], length[code], StandardCharsets.ISO_8859_1);
  }

  private boolean matches(int code, String value) {
    int n = length[code];
    if (value.length() != n) {
      return false;
    }
    int at = start[code];
    for (int i = 0; i < n; i++) {
      if (bytes[at + i] != value.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void rehash(int capacity) {
    int[] old = slots;
    slots = new int[capacity];
    int mask = capacity - 2;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j] != 0) {
        int i = spread(old[j + 1]) & mask;
        while (slots[i] != 0) {
          i = (i + 2) & mask;
        }
        slots[i] = old[j];
        slots[i + 1] = old[j + 1];
      }
    }
  }

  /** Spreads string hashes (which differ mostly in their low bits for ids such as {@code e1, e2}) over the table. */
  private static int spread(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
