package io.kinhealth.compliance.content;

import io.kinhealth.compliance.content.internal.CompiledRuleBook;
import io.kinhealth.compliance.content.internal.TextNormaliser;
import io.kinhealth.core.validation.Check;
import java.util.List;

/**
 * Reviews marketing copy against Chinese medical-advertising law.
 *
 * <p>How it works: the text is normalised (full-width to half-width, lower case, common traditional characters to
 * simplified, spaces, separators and emoji between Chinese characters removed, so 保 证 治 愈, 根✨治 and 保證治癒 read
 * as written), one Aho–Corasick pass finds every trigger term — and the disguised spellings the rule book generates
 * for it (无效tui款, wfzy, 立杆见影, 0风险) — every exception and context cue of every rule, and each trigger is then
 * kept only if its rule's context conditions hold: not inside a benign compound (有效期, 第一次, 根治术), not negated
 * or quoted in a warning (警惕“保证治愈”的宣传), a rate only next to a figure (治愈率95%), contact details only where
 * the page presents itself as health knowledge, the SMS opt-out only on SMS. Spans are mapped back to the original
 * text.
 *
 * <p>Guarantees: built once, immutable and thread-safe; a review's cost is linear in the text's length; the same
 * text, channel and rule book always give the same findings. Text longer than {@link #MAX_TEXT_LENGTH} characters is
 * refused with a {@link io.kinhealth.core.error.ValidationException} on {@code text}.
 */
public final class ContentReviewer {
  /** Longest text accepted in one call (characters); a long article is still far below it. */
  public static final int MAX_TEXT_LENGTH = 4_000_000;

  private final CompiledRuleBook compiled;

  private ContentReviewer(Builder builder) {
    this.compiled = new CompiledRuleBook(builder.ruleBook, TextNormaliser.standard());
  }

  /** A reviewer on the shipped rule book. */
  public static ContentReviewer ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reviews {@code text} with the rules that apply to every channel. */
  public ContentReview review(String text) {
    return review(text, ContentChannel.UNSPECIFIED);
  }

  /** Reviews {@code text} as published on {@code channel}. */
  public ContentReview review(String text, ContentChannel channel) {
    Check.notNull(text, "text");
    Check.notNull(channel, "channel");
    Check.that(text.length() <= MAX_TEXT_LENGTH, "text", "content.text.too_long",
        "text must be at most " + MAX_TEXT_LENGTH + " characters");
    List<AdFinding> findings = compiled.review(compiled.normaliser().normalise(text), channel);
    return new ContentReview(channel, compiled.book().version(), findings);
  }

  /** The rule book this reviewer applies. */
  public AdRuleBook ruleBook() {
    return compiled.book();
  }

  /** Builds a {@link ContentReviewer}. */
  public static final class Builder {
    private AdRuleBook ruleBook = AdRuleBook.standard();

    private Builder() {}

    /** The rules to apply; defaults to {@link AdRuleBook#standard()}. */
    public Builder ruleBook(AdRuleBook ruleBook) {
      this.ruleBook = Check.notNull(ruleBook, "ruleBook");
      return this;
    }

    /**
     * Compiles the rule book (with the shipped one's generated spellings, about 19,000 automaton terms: build once and
     * share, it takes a second or so); a term that normalises to nothing is a {@code ValidationException}.
     */
    public ContentReviewer build() {
      return new ContentReviewer(this);
    }
  }
}
