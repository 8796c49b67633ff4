package io.kinhealth.compliance.content;

import io.kinhealth.core.validation.Check;
import java.util.List;
import java.util.Set;

/**
 * One advertising rule as a compliance officer writes it in the rule book: what it forbids, where the law says so,
 * the trigger patterns with their context conditions, the benign compounds that are never a breach, and the rewrite
 * to suggest.
 *
 * @param id stable identifier, e.g. {@code ad.cure_rate}; findings carry it
 * @param title a short human title
 * @param law the law or regulation
 * @param article the article(s), cited as an officer would
 * @param severity how serious a breach is
 * @param suggestion a suggested compliant rewrite
 * @param channels channels the rule applies to; empty means every channel
 * @param oncePerText report only the first finding in a text (rules about the message as a whole)
 * @param negationAware ignore triggers that are negated, distanced or quoted in a warning
 * @param patterns trigger patterns; a finding needs one pattern whose conditions all hold
 * @param exceptions benign compounds: a trigger inside one of them is not a finding
 */
public record AdRule(String id, String title, String law, String article, Severity severity, String suggestion,
    Set<ContentChannel> channels, boolean oncePerText, boolean negationAware, List<Pattern> patterns,
    List<String> exceptions) {

  public AdRule {
    Check.notBlank(id, "id");
    Check.notNull(title, "title");
    Check.notBlank(law, "law");
    Check.notBlank(article, "article");
    Check.notNull(severity, "severity");
    Check.notBlank(suggestion, "suggestion");
    channels = Set.copyOf(Check.noNulls(channels, "channels"));
    patterns = List.copyOf(Check.notEmpty(patterns, "patterns"));
    exceptions = List.copyOf(Check.noNulls(exceptions, "exceptions"));
  }

  /** Whether the rule is checked on {@code channel}. */
  public boolean appliesTo(ContentChannel channel) {
    return channels.isEmpty() || channels.contains(channel);
  }

  /** Every trigger term of every pattern. */
  public List<String> triggerTerms() {
    return patterns.stream().flatMap(p -> p.terms().stream()).toList();
  }

  /**
   * Trigger terms and the context they need. Every condition that is set must hold.
   *
   * @param terms trigger terms
   * @param followedBy the text right after the trigger starts with one of these ({@code $BOUNDARY}: punctuation,
   *     line end or end of text); empty: no condition
   * @param notFollowedBy the text right after the trigger starts with none of these
   * @param precededBy the text right before the trigger ends with one of these
   * @param notPrecededBy the text right before the trigger ends with none of these
   * @param nearby one of these terms occurs within the window, in the same sentence; null: no condition
   * @param notNearby none of these terms occurs within the window; null: no condition
   * @param number a figure near the trigger; null: no condition
   * @param pageRequires one of these terms occurs anywhere in the text; empty: no condition
   * @param pageUnless none of these terms occurs anywhere in the text
   * @param prefixedBy the claim starts earlier: the trigger counts only right after one of these prefixes (无副作用,
   *     没有任何副作用); the finding covers the prefix, and negation is read before it; null: no condition
   */
  public record Pattern(List<String> terms, List<String> followedBy, List<String> notFollowedBy,
      List<String> precededBy, List<String> notPrecededBy, Window nearby, Window notNearby, NumberNearby number,
      List<String> pageRequires, List<String> pageUnless, Prefix prefixedBy) {
    /** A pattern without a claim prefix (the form before prefixes existed). */
    public Pattern(List<String> terms, List<String> followedBy, List<String> notFollowedBy, List<String> precededBy,
        List<String> notPrecededBy, Window nearby, Window notNearby, NumberNearby number, List<String> pageRequires,
        List<String> pageUnless) {
      this(terms, followedBy, notFollowedBy, precededBy, notPrecededBy, nearby, notNearby, number, pageRequires,
          pageUnless, null);
    }

    public Pattern {
      terms = List.copyOf(Check.notEmpty(terms, "terms"));
      followedBy = List.copyOf(Check.noNulls(followedBy, "followedBy"));
      notFollowedBy = List.copyOf(Check.noNulls(notFollowedBy, "notFollowedBy"));
      precededBy = List.copyOf(Check.noNulls(precededBy, "precededBy"));
      notPrecededBy = List.copyOf(Check.noNulls(notPrecededBy, "notPrecededBy"));
      pageRequires = List.copyOf(Check.noNulls(pageRequires, "pageRequires"));
      pageUnless = List.copyOf(Check.noNulls(pageUnless, "pageUnless"));
    }

    /** A pattern with terms only. */
    public static Pattern ofTerms(List<String> terms) {
      return new Pattern(terms, List.of(), List.of(), List.of(), List.of(), null, null, null, List.of(), List.of());
    }
  }

  /**
   * Words that open a claim whose key word is the trigger: 无 / 没有 / 零 before 副作用. One of {@code fillers} may
   * stand between the prefix and the trigger (没有<b>任何</b>副作用, 零<b>一点</b>风险).
   */
  public record Prefix(List<String> terms, List<String> fillers) {
    public Prefix {
      terms = List.copyOf(Check.notEmpty(terms, "terms"));
      fillers = List.copyOf(Check.noNulls(fillers, "fillers"));
    }
  }

  /** Terms looked for within {@code window} characters either side of a trigger, in the same sentence. */
  public record Window(List<String> terms, int window) {
    public Window {
      terms = List.copyOf(Check.notEmpty(terms, "terms"));
      Check.inRange(window, 1, 200, "window");
    }
  }

  /**
   * A figure within {@code before} characters before or {@code after} characters after a trigger, in the same
   * sentence: digits or Chinese numerals; with {@code percent}, a percentage (95%, 百分之九十) or 成 (九成).
   */
  public record NumberNearby(int before, int after, boolean percent) {
    public NumberNearby {
      Check.inRange(before, 0, 50, "before");
      Check.inRange(after, 0, 50, "after");
      Check.that(before + after > 0, "number", "content.rule.number_window", "before or after must be positive");
    }
  }
}
