package io.kinhealth.compliance.content.internal;

/**
 * Text after normalisation, with the offset in the original text of every normalised character, so a span found in
 * the normalised text maps back to the exact original characters (spaces and separators that were removed inside a
 * span are part of the original span).
 */
public final class NormalisedText {
  private final String original;
  final char[] chars;
  final int length;
  private final int[] origin;

  NormalisedText(String original, char[] chars, int length, int[] origin) {
    this.original = original;
    this.chars = chars;
    this.length = length;
    this.origin = origin;
  }

  public String original() {
    return original;
  }

  public int length() {
    return length;
  }

  public char charAt(int i) {
    return chars[i];
  }

  /** The normalised text, for diagnostics and tests. */
  public String normalised() {
    return new String(chars, 0, length);
  }

  /** Original offset of the normalised character at {@code start}. */
  public int originalStart(int start) {
    return origin[start];
  }

  /** Original offset just after the normalised span ending (exclusively) at {@code end}. */
  public int originalEnd(int end) {
    int last = origin[end - 1];
    // A surrogate pair is copied unit by unit, so the last unit's own offset plus one is exact.
    return last + 1;
  }
}
