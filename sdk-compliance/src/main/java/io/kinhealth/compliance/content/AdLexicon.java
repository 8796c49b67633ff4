package io.kinhealth.compliance.content;

import io.kinhealth.core.validation.Check;
import java.util.List;

/**
 * The words the reviewer reads context from, shared by every negation-aware rule.
 *
 * @param negators words that negate a following claim (无法, 不能, 并非)
 * @param negationBreakers longer words that start with a negator but do not negate (不仅, 不但, 不怕)
 * @param affirmers words that turn a negated phrase back into a claim (不用手术<b>就能</b>根治)
 * @param negationBridges words that may stand between a negator and the claim it negates (无法<b>彻底</b>根治,
 *     没有任何药物<b>能</b>根治); any other word in between means the negator belongs to something else
 *     (不开刀不吃药根治)
 * @param negationQuantifiers words that, right after a negator, widen it over the whole phrase (不是<b>所有</b>病都能治好,
 *     没有<b>任何</b>药物可以根治)
 * @param warnings words that mark the sentence as a warning against a claim (警惕, 谨防, 虚假)
 * @param distancers words that attribute a claim to someone else (号称, 所谓)
 * @param disclaimers words that, right after a trigger, take it back (与评价<b>无关</b>, 评价<b>与否</b>不影响服务)
 */
public record AdLexicon(List<String> negators, List<String> negationBreakers, List<String> affirmers,
    List<String> negationBridges, List<String> negationQuantifiers, List<String> warnings, List<String> distancers,
    List<String> disclaimers) {
  /** A lexicon without disclaimers (the form before they existed). */
  public AdLexicon(List<String> negators, List<String> negationBreakers, List<String> affirmers,
      List<String> negationBridges, List<String> negationQuantifiers, List<String> warnings, List<String> distancers) {
    this(negators, negationBreakers, affirmers, negationBridges, negationQuantifiers, warnings, distancers, List.of());
  }

  public AdLexicon {
    negators = List.copyOf(Check.noNulls(negators, "negators"));
    negationBreakers = List.copyOf(Check.noNulls(negationBreakers, "negationBreakers"));
    affirmers = List.copyOf(Check.noNulls(affirmers, "affirmers"));
    negationBridges = List.copyOf(Check.noNulls(negationBridges, "negationBridges"));
    negationQuantifiers = List.copyOf(Check.noNulls(negationQuantifiers, "negationQuantifiers"));
    warnings = List.copyOf(Check.noNulls(warnings, "warnings"));
    distancers = List.copyOf(Check.noNulls(distancers, "distancers"));
    disclaimers = List.copyOf(Check.noNulls(disclaimers, "disclaimers"));
  }
}
