package io.kinhealth.compliance.content.internal;

import java.util.Map;

/**
 * Folds the tricks copywriters use to slip past word filters, character by character and in one pass:
 * full-width ASCII to half-width, the ideographic space to a space, ASCII upper case to lower case, common
 * traditional characters to simplified ones, white space and zero-width characters removed (one space kept between two
 * Latin words, so they do not run together), and separators such as
 * {@code . · * _ - ~ | /}, emoji and other pictographic symbols removed when they stand between two Chinese
 * characters (保.证.治.愈, 根✨治), variation selectors dropped. Line breaks are kept: they end sentences.
 *
 * <p>Each kept character remembers its original offset. Immutable and thread-safe.
 */
public final class TextNormaliser {
  private static final char DROP = '\uFFFF';
  private static final char SEPARATOR = '\uFFFE';

  private final char[] table = new char[65536];

  public TextNormaliser(Map<Character, Character> traditionalToSimplified) {
    for (int c = 0; c < table.length; c++) {
      table[c] = (char) c;
    }
    for (int c = 0xFF01; c <= 0xFF5E; c++) {
      table[c] = (char) (c - 0xFEE0);
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      table[c] = (char) (c + 32);
    }
    for (int c = 0xFF21; c <= 0xFF3A; c++) {
      table[c] = (char) (c - 0xFEE0 + 32);
    }
    for (char c : new char[] {' ', '\t', '\r', '\u3000', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF',
        '\u000B', '\u000C'}) {
      table[c] = DROP;
    }
    for (char c : new char[] {'.', '\u00B7', '\u2022', '\u30FB', '*', '_', '-', '~', '|', '/', '\\', '\uFF0E', '\uFF0A',
        '\uFF3F', '\uFF0D', '\uFF5E', '\uFF5C', '\uFF0F', '\u2014', '\u2013', '+', '#', '^', '=', '\uFF1D'}) {
      table[c] = SEPARATOR;
    }
    // Emoji and pictographic symbols between two Chinese characters only hide a word (根✨治); elsewhere they stay.
    for (int c = 0; c < table.length; c++) {
      int type = Character.getType(c);
      if (table[c] == c && (type == Character.OTHER_SYMBOL || type == Character.SURROGATE)) {
        table[c] = SEPARATOR;
      }
    }
    for (int c = 0xFE00; c <= 0xFE0F; c++) {
      table[c] = DROP; // variation selectors (❤️) are invisible
    }
    table['\u20E3'] = DROP; // combining keycap
    traditionalToSimplified.forEach((t, s) -> table[t] = s);
  }

  /** What a separator becomes where it is kept: full-width forms half-width, the heavy plus sign a plus. */
  private static char kept(char c) {
    if (c >= 0xFF01 && c <= 0xFF5E) {
      return (char) (c - 0xFEE0);
    }
    return c == '\u2795' ? '+' : c;
  }

  /** The normaliser with the traditional-to-simplified table shipped next to the rule book. */
  public static TextNormaliser standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final TextNormaliser STANDARD = new TextNormaliser(loadTable());
  }

  static Map<Character, Character> loadTable() {
    Map<Character, Character> map = new java.util.HashMap<>();
    for (String[] cols : TabularResource.rows("/io/kinhealth/compliance/content/traditional-simplified.tsv")) {
      if (cols.length == 2 && cols[0].length() == 1 && cols[1].length() == 1) {
        map.put(cols[0].charAt(0), cols[1].charAt(0));
      }
    }
    return map;
  }

  static boolean isHan(char c) {
    return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');
  }

  /** Normalises a pattern or cue term the same way as text, so both sides of a match agree. */
  public String normaliseTerm(String term) {
    return normalise(term).normalised();
  }

  public NormalisedText normalise(String text) {
    int n = text.length();
    char[] out = new char[n];
    int[] origin = new int[n];
    int len = 0;
    int lookahead = -1; // index of the next non-separator character after the current run of separators
    for (int i = 0; i < n; i++) {
      char m = table[text.charAt(i)];
      if (m == DROP) {
        if (wordGap(text, i, out, len)) {
          out[len] = ' ';
          origin[len] = i;
          len++;
        }
        continue;
      }
      if (m == SEPARATOR) {
        if (lookahead < i) {
          lookahead = nextMeaningful(text, i + 1); // shared by the whole run, so long runs stay linear
        }
        if (len > 0 && isHan(out[len - 1]) && lookahead < n && isHan(table[text.charAt(lookahead)])) {
          continue; // 保.证.治.愈: a separator inside a run of Chinese characters only hides a word
        }
        m = kept(text.charAt(i));
      }
      out[len] = m;
      origin[len] = i;
      len++;
    }
    return new NormalisedText(text, out, len, origin);
  }

  /**
   * Whether the white space at {@code i} parts two Latin words of at least two letters or digits each (before vs
   * after, wfzy dddd): one space is kept there, so a Latin trigger does not run on into the next word. Spaced single
   * letters (V X, w f z y) still close up.
   */
  private boolean wordGap(String text, int i, char[] out, int len) {
    char c = text.charAt(i);
    if (c != ' ' && c != '\u3000' && c != '\u00A0' && c != '\t') {
      return false;
    }
    if (len < 2 || !latinOrDigit(out[len - 1]) || !latinOrDigit(out[len - 2])) {
      return false; // also false right after a kept space, so a run of spaces is looked at once
    }
    int j = i + 1;
    while (j < text.length() && table[text.charAt(j)] == DROP) {
      j++;
    }
    return j + 1 < text.length() && latinOrDigit(table[text.charAt(j)]) && latinOrDigit(table[text.charAt(j + 1)]);
  }

  private static boolean latinOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private int nextMeaningful(String text, int from) {
    for (int j = from; j < text.length(); j++) {
      char m = table[text.charAt(j)];
      if (m != DROP && m != SEPARATOR) {
        return j;
      }
    }
    return text.length();
  }
}
