package io.kinhealth.compliance.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * SHA-256 over an unambiguous field encoding: every field is written with its length, so no two different field
 * sequences hash alike ({@code ("ab","c")} differs from {@code ("a","bc")}). Not API.
 */
public final class Digest {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final MessageDigest sha;

  private Digest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  public static Digest sha256() {
    return new Digest();
  }

  public Digest add(String field) {
    if (field == null) {
      sha.update((byte) 0);
      return this;
    }
    byte[] b = field.getBytes(StandardCharsets.UTF_8);
    sha.update((byte) 1);
    long n = b.length;
    for (int i = 0; i < 4; i++) {
      sha.update((byte) (n >>> (24 - 8 * i)));
    }
    sha.update(b);
    return this;
  }

  public Digest add(long value) {
    return add(Long.toString(value));
  }

  public Digest add(Instant value) {
    return add(value == null ? null : value.toString());
  }

  public Digest add(Object value) {
    return add(value == null ? null : value.toString());
  }

  /** Adds a collection in sorted order of its string forms, so set iteration order never changes the digest. */
  public Digest addSorted(Collection<?> values) {
    if (values == null) {
      return add((String) null);
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (Object v : values) {
      sorted.add(String.valueOf(v));
    }
    add(sorted.size());
    sorted.forEach(this::add);
    return this;
  }

  public Digest addSorted(Map<String, String> values) {
    if (values == null) {
      return add((String) null);
    }
    TreeMap<String, String> sorted = new TreeMap<>(values);
    add(sorted.size());
    sorted.forEach((k, v) -> add(k).add(v));
    return this;
  }

  /** The digest as 64 lower-case hex characters; the instance must not be used afterwards. */
  public String hex() {
    return hex(sha.digest());
  }

  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  /** SHA-256 of UTF-8 text, as hex. */
  public static String ofText(String text) {
    try {
      return hex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
