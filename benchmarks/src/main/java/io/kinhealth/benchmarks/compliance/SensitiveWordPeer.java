package io.kinhealth.benchmarks.compliance;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import io.kinhealth.compliance.content.AdRule;
import io.kinhealth.compliance.content.AdRuleBook;
import io.kinhealth.compliance.content.ContentReviewer;
import io.kinhealth.compliance.content.internal.TextNormaliser;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code com.github.houbb:sensitive-word} 0.25.0 set up as a user would set it up to review ad copy: loaded with
 * exactly the rule book's trigger terms, its default dictionaries off (the deny list replaced, an empty allow list),
 * its number, e-mail, URL and IPv4 detectors off, and its case, width and traditional-character folding on. A word it
 * finds counts as a finding of every rule that lists that word.
 */
public final class SensitiveWordPeer {
  private final SensitiveWordBs filter;
  private final Map<String, Set<String>> rulesByTerm = new HashMap<>();

  public SensitiveWordPeer(AdRuleBook book) {
    List<String> terms = book.triggerTerms();
    for (AdRule rule : book.rules()) {
      for (String term : rule.triggerTerms()) {
        rulesByTerm.computeIfAbsent(key(term), k -> new LinkedHashSet<>()).add(rule.id());
        rulesByTerm.computeIfAbsent(key(TextNormaliser.standard().normaliseTerm(term)), k -> new LinkedHashSet<>())
            .add(rule.id());
      }
    }
    this.filter = SensitiveWordBs.newInstance()
        .wordDeny(() -> terms)
        .wordAllow(List::of)
        .ignoreCase(true)
        .ignoreWidth(true)
        .ignoreChineseStyle(true)
        .ignoreNumStyle(false)
        .ignoreEnglishStyle(false)
        .ignoreRepeat(false)
        .enableWordCheck(true)
        .enableNumCheck(false)
        .enableEmailCheck(false)
        .enableUrlCheck(false)
        .enableIpv4Check(false)
        .init();
  }

  public static SensitiveWordPeer forStandardRules() {
    return new SensitiveWordPeer(ContentReviewer.ofDefaults().ruleBook());
  }

  private static String key(String term) {
    return term.toLowerCase(Locale.ROOT);
  }

  /** The words found in one paragraph. */
  public List<String> findAll(String paragraph) {
    return filter.findAll(paragraph);
  }

  /** The rules a plain word filter would report for {@code text}. */
  public Set<String> rules(String text) {
    Set<String> rules = new LinkedHashSet<>();
    for (String word : filter.findAll(text)) {
      Set<String> r = rulesByTerm.get(key(word));
      if (r == null) {
        // The filter reports the text as written (國家級, ＮＯ．１): fold it the way the rule book's terms are spelt.
        r = rulesByTerm.get(key(TextNormaliser.standard().normaliseTerm(word)));
      }
      if (r != null) {
        rules.addAll(r);
      }
    }
    return rules;
  }
}
