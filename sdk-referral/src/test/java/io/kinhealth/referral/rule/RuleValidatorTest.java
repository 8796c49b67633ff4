package io.kinhealth.referral.rule;

import static io.kinhealth.core.money.BasisPoints.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.Seeds;
import io.kinhealth.referral.party.PartyRole;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Validating a rule set")
class RuleValidatorTest {
  private final RuleValidator validator = RuleValidator.ofDefaults();

  private static RevenueShareRuleSet set(RevenueShareRule... rules) {
    RevenueShareRuleSet.Builder b = RevenueShareRuleSet.builder(RuleSetId.of("t"), 1).effectiveFrom(Seeds.EPOCH);
    for (RevenueShareRule r : rules) {
      b.rule(r);
    }
    return b.build();
  }

  private List<String> reasons(RevenueShareRuleSet set) {
    return validator.validate(set).stream().map(RuleViolation::reason).toList();
  }

  @Test
  @DisplayName("accepts the three seed examples")
  void seeds() {
    assertThat(validator.validate(Seeds.beauty())).isEmpty();
    assertThat(validator.validate(Seeds.paidQa())).isEmpty();
    assertThat(validator.validate(Seeds.crowd())).isEmpty();
  }

  @Nested
  @DisplayName("refuses, citing the law,")
  class Guards {
    @Test
    @DisplayName("a doctor's share of drug revenue")
    void doctorDrugs() {
      List<RuleViolation> v = validator.validate(set(RevenueShareRule.named("pharmacy")
          .categories(RevenueCategory.DRUG).share(PartyRole.DOCTOR, of(300), ShareKind.WORK_FEE)
          .rest(PartyRole.CLINIC).build()));
      assertThat(v).singleElement().satisfies(x -> {
        assertThat(x.reason()).isEqualTo("referral.rule.doctor_share_of_drug");
        assertThat(x.field()).isEqualTo("rules[0].shares[0].role");
        assertThat(x.sources()).extracting(LegalSource::id).contains("jiubuzhun-2013", "yaopinguanlifa-2019-art88");
        assertThat(x.toFieldViolation().message()).contains("中华人民共和国药品管理法 第八十八条 (2019)");
      });
    }

    @Test
    @DisplayName("a staff share of exams or consumables, fixed or in basis points, and the residual too")
    void staffExamsAndConsumables() {
      assertThat(reasons(set(RevenueShareRule.named("lab").categories(RevenueCategory.EXAM, RevenueCategory.CONSUMABLE)
          .fixed(PartyRole.STAFF, Money.ofYuan(5), ShareKind.WORK_FEE).share(PartyRole.CLINIC, of(9000))
          .rest(PartyRole.of("NURSE")).build())))
          .containsExactlyInAnyOrder("referral.rule.staff_share_of_exam", "referral.rule.staff_share_of_consumable",
              "referral.rule.nurse_share_of_exam", "referral.rule.nurse_share_of_consumable");
    }

    @Test
    @DisplayName("a doctor's share in a catch-all rule, which also splits drugs")
    void defaultRuleCoversDrugs() {
      assertThat(reasons(set(
          RevenueShareRule.named("service").categories(RevenueCategory.SERVICE).rest(PartyRole.CLINIC).build(),
          RevenueShareRule.named("other").share(PartyRole.DOCTOR, of(500)).rest(PartyRole.CLINIC).build())))
          .containsExactlyInAnyOrder("referral.rule.doctor_share_of_drug", "referral.rule.doctor_share_of_exam",
              "referral.rule.doctor_share_of_consumable");
    }

    @Test
    @DisplayName("a doctor paid for referring patients, even on service lines")
    void doctorReferralFee() {
      assertThat(reasons(set(RevenueShareRule.named("svc").categories(RevenueCategory.SERVICE)
          .share(PartyRole.DOCTOR, of(500), ShareKind.REFERRAL_FEE).rest(PartyRole.CLINIC).build())))
          .containsExactly("referral.rule.doctor_referral_fee");
    }

    @Test
    @DisplayName("a second referral level unless the engine allows it, and a third level always")
    void depth() {
      RevenueShareRuleSet twoLevels = set(RevenueShareRule.named("view").categories(RevenueCategory.CONTENT)
          .share(PartyRole.REFERRER_L1, of(1000)).share(PartyRole.REFERRER_L2, of(500)).rest(PartyRole.ANSWERER)
          .build());
      assertThat(reasons(twoLevels)).containsExactly("referral.rule.depth_exceeds_policy");
      assertThat(RuleValidator.of(GuardPolicy.bundled(), 2).validate(twoLevels)).isEmpty();
      RevenueShareRuleSet threeLevels = set(RevenueShareRule.named("mlm").categories(RevenueCategory.CONTENT)
          .share(PartyRole.referrer(3), of(100)).rest(PartyRole.ANSWERER).build());
      assertThat(RuleValidator.of(GuardPolicy.bundled(), 2).validate(threeLevels))
          .extracting(RuleViolation::reason).containsExactly("referral.rule.depth_exceeds_hard_max");
      assertThatThrownBy(() -> RuleValidator.of(GuardPolicy.bundled(), 3)).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("a reward for signing up alone")
    void signUp() {
      assertThat(reasons(set(RevenueShareRule.named("invite").trigger(RewardTrigger.SIGN_UP)
          .fixed(PartyRole.REFERRER_L1, Money.ofYuan(5), ShareKind.REFERRAL_FEE).rest(PartyRole.PLATFORM).build())))
          .containsExactly("referral.rule.signup_reward");
    }

    @Test
    @DisplayName("but allows fees for work done: a consultation, an accepted answer, a treatment")
    void workFees() {
      assertThat(reasons(set(
          RevenueShareRule.named("consult").categories(RevenueCategory.CONSULTATION, RevenueCategory.CONTENT)
              .fixed(PartyRole.DOCTOR, Money.ofYuan(10), ShareKind.WORK_FEE)
              .share(PartyRole.STAFF, of(1000), ShareKind.WORK_FEE).rest(PartyRole.PLATFORM).build(),
          RevenueShareRule.named("treat").categories(RevenueCategory.SERVICE)
              .share(PartyRole.DOCTOR, of(1000)).rest(PartyRole.CLINIC).build()))).isEmpty();
    }
  }

  @Nested
  @DisplayName("refuses a structure where")
  class Structure {
    @Test
    @DisplayName("shares without a residual do not make exactly 10,000 bp")
    void notWhole() {
      assertThat(reasons(set(RevenueShareRule.named("a").share(PartyRole.CHANNEL, of(5000))
          .share(PartyRole.CLINIC, of(4999)).build()))).containsExactly("referral.rule.shares_not_whole");
    }

    @Test
    @DisplayName("shares exceed the whole, at their highest tier")
    void exceedWhole() {
      assertThat(reasons(set(RevenueShareRule.named("a").share(PartyRole.CHANNEL, of(6000))
          .share(PercentShare.of(PartyRole.AGENT, of(3000)).withTiers(VolumeTier.from(Money.ofYuan(1), of(5000))))
          .rest(PartyRole.CLINIC).build()))).containsExactly("referral.rule.shares_exceed_whole");
    }

    @Test
    @DisplayName("categories overlap, rules share a name, two rules catch all, roles repeat")
    void overlaps() {
      assertThat(reasons(set(
          RevenueShareRule.named("a").categories(RevenueCategory.SERVICE).rest(PartyRole.CLINIC).build(),
          RevenueShareRule.named("a").categories(RevenueCategory.SERVICE).rest(PartyRole.CLINIC).build(),
          RevenueShareRule.named("b").rest(PartyRole.CLINIC).build(),
          RevenueShareRule.named("c").share(PartyRole.AGENT, of(1)).share(PartyRole.AGENT, of(1))
              .share(PartyRole.CLINIC, of(2)).rest(PartyRole.CLINIC).build())))
          .contains("referral.rule.category_overlap", "referral.rule.duplicate_name",
              "referral.rule.more_than_one_default", "referral.rule.duplicate_role",
              "referral.rule.residual_in_shares");
    }

    @Test
    @DisplayName("caps, floors or tiers have no residual to move money to, or a cap is below its floor")
    void limits() {
      assertThat(reasons(set(RevenueShareRule.named("a")
          .share(PercentShare.of(PartyRole.CHANNEL, of(10_000)).withCap(Money.ofYuan(1)).withFloor(Money.ofYuan(2)))
          .build()))).containsExactlyInAnyOrder("referral.rule.limits_need_residual", "referral.rule.cap_below_floor");
    }

    @Test
    @DisplayName("a referrer would take the rest, though it may be absent")
    void residualReferrer() {
      assertThat(reasons(set(RevenueShareRule.named("a").categories(RevenueCategory.CONTENT)
          .share(PartyRole.ANSWERER, of(9000)).rest(PartyRole.REFERRER_L1).build())))
          .containsExactly("referral.rule.residual_referrer");
    }
  }

  @Test
  @DisplayName("reports every violation at once in the exception")
  void allAtOnce() {
    RevenueShareRuleSet bad = set(RevenueShareRule.named("a").categories(RevenueCategory.DRUG)
        .share(PartyRole.DOCTOR, of(5000)).share(PartyRole.CLINIC, of(1000)).build());
    assertThatThrownBy(() -> validator.requireValid(bad)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.violations()).extracting(v -> v.reason())
            .containsExactly("referral.rule.doctor_share_of_drug", "referral.rule.shares_not_whole"));
  }
}
