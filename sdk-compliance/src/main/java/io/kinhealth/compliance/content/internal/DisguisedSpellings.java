package io.kinhealth.compliance.content.internal;

import io.kinhealth.compliance.content.SpellingVariants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spells a normalised trigger term the ways copywriters disguise it: one character as pinyin (无效tui款), the whole
 * term in pinyin (genzhi) or as initials (wfzy), one character (never the first) as a common same-sounding character
 * (立杆见影), and numerals as digits (0风险, 第1). Readings come from {@code pinyin.tsv} (GB 2312 characters, most
 * common reading first); only a character's most common reading is used, and a homophone is one of the 3,755 common
 * characters of GB 2312 level 1 with the same syllable and tone. Immutable and thread-safe.
 */
public final class DisguisedSpellings {
  private static final String RESOURCE = "/io/kinhealth/compliance/content/pinyin.tsv";

  /** Each character's most common reading, tone number included (fu4). */
  private final Map<Character, String> reading;
  /** Common characters by their most common reading, tone included: homophones sound the same, tone and all. */
  private final Map<String, List<Character>> commonBySound;

  DisguisedSpellings(Map<Character, String> reading, Map<String, List<Character>> commonBySound) {
    this.reading = Map.copyOf(reading);
    Map<String, List<Character>> copy = new HashMap<>();
    commonBySound.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.commonBySound = Map.copyOf(copy);
  }

  /** The table shipped with the rule book. */
  public static DisguisedSpellings standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final DisguisedSpellings STANDARD = load();
  }

  private static DisguisedSpellings load() {
    Map<Character, String> reading = new HashMap<>();
    Map<String, List<Character>> bySound = new HashMap<>();
    for (String[] cols : TabularResource.rows(RESOURCE)) {
      if (cols.length != 3 || cols[0].length() != 1) {
        continue;
      }
      char c = cols[0].charAt(0);
      String first = cols[1].split(",")[0];
      reading.put(c, first);
      if (cols[2].equals("1")) {
        bySound.computeIfAbsent(first, k -> new ArrayList<>()).add(c);
      }
    }
    return new DisguisedSpellings(reading, bySound);
  }

  /** The most common reading of {@code c} without its tone (as copywriters type it), or null if unknown. */
  String spelling(char c) {
    String r = reading.get(c);
    return r == null ? null : r.substring(0, r.length() - 1);
  }

  /**
   * Every disguised spelling of {@code term} (already normalised) that {@code variants} asks for, without the term
   * itself. Terms with fewer than two Chinese characters get none: one syllable alone matches too much.
   */
  public Set<String> of(String term, SpellingVariants variants) {
    Set<String> out = new LinkedHashSet<>();
    int han = 0;
    for (int i = 0; i < term.length(); i++) {
      if (TextNormaliser.isHan(term.charAt(i))) {
        han++;
      }
    }
    if (variants.numerals()) {
      numerals(term, out);
    }
    if (han >= 2 && variants.pinyin()) {
      StringBuilder all = new StringBuilder();
      boolean complete = true;
      for (int i = 0; i < term.length(); i++) {
        char c = term.charAt(i);
        String r = TextNormaliser.isHan(c) ? spelling(c) : null;
        if (TextNormaliser.isHan(c) && r == null) {
          complete = false;
        }
        all.append(r == null ? String.valueOf(c) : r);
        if (r != null) {
          out.add(term.substring(0, i) + r + term.substring(i + 1));
        }
      }
      if (complete) {
        out.add(all.toString());
      }
    }
    if (variants.initialsMinLength() > 0 && han >= variants.initialsMinLength() && han == term.length()) {
      StringBuilder initials = new StringBuilder();
      for (int i = 0; i < term.length() && initials != null; i++) {
        String r = spelling(term.charAt(i));
        if (r == null) {
          initials = null;
        } else {
          initials.append(r.charAt(0));
        }
      }
      if (initials != null) {
        out.add(initials.toString());
      }
    }
    if (variants.homophonesMinLength() > 0 && han >= variants.homophonesMinLength()) {
      // Never the first character: a common character there would make it the start of many variants, and
      // the unchanged first character anchors the disguise to the term.
      for (int i = 1; i < term.length(); i++) {
        char c = term.charAt(i);
        String r = TextNormaliser.isHan(c) ? reading.get(c) : null;
        if (r == null) {
          continue;
        }
        for (char h : commonBySound.getOrDefault(r, List.of())) {
          if (h != c) {
            out.add(term.substring(0, i) + h + term.substring(i + 1));
          }
        }
      }
    }
    out.remove(term);
    return out;
  }

  private static void numerals(String term, Set<String> out) {
    String digits = term.replace("百分之百", "100%").replace("百分百", "100%").replace('零', '0').replace('〇', '0')
        .replace('一', '1');
    if (!digits.equals(term)) {
      out.add(digits);
    }
  }
}
