package io.kinhealth.compliance.content;

import io.kinhealth.core.validation.Check;

/**
 * Which disguised spellings of every trigger term the reviewer also looks for, generated when the rule book is
 * compiled (so the review stays one automaton pass). Copywriters dodge word filters by writing one character in
 * pinyin (无效tui款, zhi愈率), a whole term as pinyin initials (wfzy for 无副作用), a same-sounding common character
 * (立杆见影, 无负作用), or digits for numerals (0风险, 第1). A generated spelling is a finding only where its Latin
 * letters or digits stand alone (tui is not the middle of a longer word, 1 is not part of 12).
 *
 * @param pinyin also match a term with any one character written as its pinyin, and the whole term in pinyin
 * @param initialsMinLength match terms of at least this many Chinese characters written as pinyin initials; 0: off
 * @param homophonesMinLength match terms of at least this many Chinese characters with one character (not the
 *     first) replaced by a common character of the same sound; 0: off
 * @param numerals also match 零/一/百分百 written as 0/1/100%
 */
public record SpellingVariants(boolean pinyin, int initialsMinLength, int homophonesMinLength, boolean numerals) {
  /** No generated spellings: terms are matched as written (after normalisation) only. */
  public static final SpellingVariants NONE = new SpellingVariants(false, 0, 0, false);

  public SpellingVariants {
    Check.inRange(initialsMinLength, 0, 16, "initialsMinLength");
    Check.inRange(homophonesMinLength, 0, 16, "homophonesMinLength");
    Check.that(initialsMinLength != 1, "initialsMinLength", "content.rule_book.initials_too_short",
        "a single pinyin initial matches almost anything: use 0 (off) or at least 2");
    Check.that(homophonesMinLength != 1, "homophonesMinLength", "content.rule_book.homophones_too_short",
        "homophones of a single character match almost anything: use 0 (off) or at least 2");
  }

  /** Whether any variant is generated. */
  public boolean any() {
    return pinyin || initialsMinLength > 0 || homophonesMinLength > 0 || numerals;
  }
}
