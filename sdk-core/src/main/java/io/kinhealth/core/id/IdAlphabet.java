package io.kinhealth.core.id;

/** The characters a {@link TypedId} may hold, {@code [A-Za-z0-9._:-]}, as a lookup table. Not API. */
final class IdAlphabet {
  // a table instead of nine comparisons: random hex digits and letters mispredict branches on every id checked
  private static final boolean[] ALLOWED = new boolean[128];

  static {
    for (char c = 0; c < ALLOWED.length; c++) {
      ALLOWED[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
          || c == '_' || c == ':' || c == '-';
    }
  }

  private IdAlphabet() {}

  static boolean contains(char c) {
    return c < ALLOWED.length && ALLOWED[c];
  }
}
