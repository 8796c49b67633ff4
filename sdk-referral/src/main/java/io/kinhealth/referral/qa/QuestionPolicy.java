package io.kinhealth.referral.qa;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.RuleSetId;
import java.time.Duration;

/**
 * How the paid Q&A desk runs: which rule sets split a crowd bounty, an expert's fee and an unlock; which role the
 * answerer plays in them; the unlock price; how long an answer may take and a grab may be held; and the threshold
 * over which a party's wallet is paid out automatically. Immutable.
 *
 * @param payoutThreshold when a party's available earnings reach it, they are paid out (null: never automatically)
 * @param payoutProvider through which provider those payouts go (null when there is no threshold)
 */
public record QuestionPolicy(
    RuleSetId crowdRules,
    RuleSetId expertRules,
    RuleSetId unlockRules,
    PartyRole answererRole,
    Money unlockPrice,
    Duration answerWindow,
    Duration grabLease,
    Money payoutThreshold,
    String payoutProvider) {

  public static final Money DEFAULT_UNLOCK_PRICE = Money.ofYuan(1);
  public static final Duration DEFAULT_ANSWER_WINDOW = Duration.ofHours(48);
  public static final Duration DEFAULT_GRAB_LEASE = Duration.ofMinutes(30);

  public QuestionPolicy {
    Check.notNull(crowdRules, "crowdRules");
    Check.notNull(expertRules, "expertRules");
    Check.notNull(unlockRules, "unlockRules");
    Check.notNull(answererRole, "answererRole");
    Check.notNull(unlockPrice, "unlockPrice");
    Check.positive(unlockPrice.minor(), "unlockPrice");
    Check.notNull(answerWindow, "answerWindow");
    Check.that(!answerWindow.isNegative() && !answerWindow.isZero(), "answerWindow", "not_positive", "answerWindow must be positive");
    Check.notNull(grabLease, "grabLease");
    Check.that(!grabLease.isNegative() && !grabLease.isZero(), "grabLease", "not_positive", "grabLease must be positive");
    Check.that(payoutThreshold == null || payoutThreshold.isPositive(), "payoutThreshold", "not_positive",
        "payoutThreshold must be positive");
    Check.that((payoutThreshold == null) == (payoutProvider == null), "payoutProvider",
        "referral.question.payout_provider", "a payout threshold names its provider");
  }

  /** The three rule sets, the answerer paid as {@code ANSWERER}, 1-yuan unlocks, 48 h to answer, 30 min grabs. */
  public static QuestionPolicy of(RuleSetId crowdRules, RuleSetId expertRules, RuleSetId unlockRules) {
    return new QuestionPolicy(crowdRules, expertRules, unlockRules, PartyRole.ANSWERER, DEFAULT_UNLOCK_PRICE,
        DEFAULT_ANSWER_WINDOW, DEFAULT_GRAB_LEASE, null, null);
  }

  public QuestionPolicy withAnswererRole(PartyRole role) {
    return new QuestionPolicy(crowdRules, expertRules, unlockRules, role, unlockPrice, answerWindow, grabLease,
        payoutThreshold, payoutProvider);
  }

  public QuestionPolicy withUnlockPrice(Money price) {
    return new QuestionPolicy(crowdRules, expertRules, unlockRules, answererRole, price, answerWindow, grabLease,
        payoutThreshold, payoutProvider);
  }

  public QuestionPolicy withWindows(Duration answerWindow, Duration grabLease) {
    return new QuestionPolicy(crowdRules, expertRules, unlockRules, answererRole, unlockPrice, answerWindow,
        grabLease, payoutThreshold, payoutProvider);
  }

  /** Pays a party's earnings out through {@code provider} each time they reach {@code threshold}. */
  public QuestionPolicy withPayoutThreshold(Money threshold, String provider) {
    return new QuestionPolicy(crowdRules, expertRules, unlockRules, answererRole, unlockPrice, answerWindow,
        grabLease, Check.notNull(threshold, "threshold"), Check.notBlank(provider, "provider"));
  }
}
