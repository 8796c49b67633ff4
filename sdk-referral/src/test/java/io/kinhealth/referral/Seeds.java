package io.kinhealth.referral;

import static io.kinhealth.core.money.BasisPoints.of;

import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.rule.ShareKind;
import java.time.Instant;

/** The three seed examples as rule sets. */
public final class Seeds {
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  public static final RuleSetId BEAUTY = RuleSetId.of("beauty-clinic");
  public static final RuleSetId PAID_QA = RuleSetId.of("paid-qa");
  public static final RuleSetId CROWD = RuleSetId.of("crowd-answers");

  private Seeds() {}

  /**
   * Medical beauty: channel 50%, agent 15%, consumables supplier 20%, doctor 7% of SERVICE lines only (pay for the
   * treatment performed), clinic the rest.
   */
  public static RevenueShareRuleSet beauty() {
    return RevenueShareRuleSet.builder(BEAUTY, 1).effectiveFrom(EPOCH)
        .rule(RevenueShareRule.named("beauty-service").categories(RevenueCategory.SERVICE)
            .share(PartyRole.CHANNEL, of(5000))
            .share(PartyRole.AGENT, of(1500))
            .share(PartyRole.SUPPLIER, of(2000))
            .share(PartyRole.DOCTOR, of(700), ShareKind.WORK_FEE)
            .rest(PartyRole.CLINIC)
            .build())
        .rule(RevenueShareRule.named("beauty-goods")
            .share(PartyRole.CHANNEL, of(5000))
            .share(PartyRole.AGENT, of(1500))
            .share(PartyRole.SUPPLIER, of(2000))
            .rest(PartyRole.CLINIC)
            .build())
        .build();
  }

  /**
   * Paid Q&A: an answer earns the answerer 10 yuan of the question's bounty (the platform keeps the rest); each later
   * paid view goes to the answerer, less a 10% cut for the reader's referrer.
   */
  public static RevenueShareRuleSet paidQa() {
    return RevenueShareRuleSet.builder(PAID_QA, 1).effectiveFrom(EPOCH)
        .rule(RevenueShareRule.named("answer").categories(RevenueCategory.CONSULTATION)
            .fixed(PartyRole.ANSWERER, Money.ofYuan(10), ShareKind.WORK_FEE)
            .rest(PartyRole.PLATFORM)
            .build())
        .rule(RevenueShareRule.named("unlock").categories(RevenueCategory.CONTENT)
            .share(PartyRole.REFERRER_L1, of(1000))
            .rest(PartyRole.ANSWERER)
            .build())
        .build();
  }

  /** Crowdsourced answering: staff earn an 8-yuan bonus per accepted answer; the hospital 30% of the rest. */
  public static RevenueShareRuleSet crowd() {
    return RevenueShareRuleSet.builder(CROWD, 1).effectiveFrom(EPOCH)
        .rule(RevenueShareRule.named("accepted-answer").categories(RevenueCategory.CONSULTATION)
            .fixed(PartyRole.STAFF, Money.ofYuan(8), ShareKind.WORK_FEE)
            .share(PartyRole.CLINIC, of(3000))
            .rest(PartyRole.PLATFORM)
            .build())
        .build();
  }
}
