package io.kinhealth.referral.split;

import static io.kinhealth.core.money.BasisPoints.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.Seeds;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.GuardPolicy;
import io.kinhealth.referral.rule.PercentShare;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.rule.RuleValidator;
import io.kinhealth.referral.rule.ShareKind;
import io.kinhealth.referral.rule.VolumeTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Splitting an order")
class SplitPlanTest {
  static final PartyId PLATFORM = PartyId.of("platform");
  static final PartyId CHANNEL = PartyId.of("meituan");
  static final PartyId AGENT = PartyId.of("agent-9");
  static final PartyId SUPPLIER = PartyId.of("filler-co");
  static final PartyId DOCTOR = PartyId.of("dr-li");
  static final PartyId CLINIC = PartyId.of("clinic-7");

  static SplitRequest.Builder beautyParties() {
    return SplitRequest.builder()
        .party(PartyRole.PLATFORM, PLATFORM).party(PartyRole.CHANNEL, CHANNEL).party(PartyRole.AGENT, AGENT)
        .party(PartyRole.SUPPLIER, SUPPLIER).party(PartyRole.DOCTOR, DOCTOR).party(PartyRole.CLINIC, CLINIC);
  }

  static long fen(String yuan) {
    return Money.parse(yuan).minor();
  }

  @Nested
  @DisplayName("by the seed examples")
  class SeedExamples {
    @Test
    @DisplayName("a medical-beauty order pays the doctor 7% of the treatment only, and the clinic the rest")
    void beauty() {
      SplitPlan plan = SplitPlan.of(Seeds.beauty());
      Split split = plan.split(beautyParties()
          .line(OrderLine.of("treatment", RevenueCategory.SERVICE, Money.parse("12800.00")))
          .line(OrderLine.of("filler", RevenueCategory.CONSUMABLE, Money.parse("3000.00")))
          .build());

      assertThat(split.amountMinor(0, PartyRole.CHANNEL)).isEqualTo(fen("6400.00"));
      assertThat(split.amountMinor(0, PartyRole.AGENT)).isEqualTo(fen("1920.00"));
      assertThat(split.amountMinor(0, PartyRole.SUPPLIER)).isEqualTo(fen("2560.00"));
      assertThat(split.amountMinor(0, PartyRole.DOCTOR)).isEqualTo(fen("896.00"));
      assertThat(split.amountMinor(0, PartyRole.CLINIC)).isEqualTo(fen("1024.00"));
      assertThat(split.amountMinor(1, PartyRole.DOCTOR)).isZero();
      assertThat(split.amountMinor(1, PartyRole.CLINIC)).isEqualTo(fen("450.00"));
      assertThat(split.totalsByParty()).containsEntry(DOCTOR, Money.parse("896.00"))
          .containsEntry(CLINIC, Money.parse("1474.00"));
      assertThat(split.allocations()).filteredOn(a -> a.role().equals(PartyRole.DOCTOR)).singleElement()
          .satisfies(a -> {
            assertThat(a.rule()).isEqualTo("beauty-service");
            assertThat(a.shareBasisPoints()).isEqualTo(700);
            assertThat(a.explain())
                .isEqualTo("treatment SERVICE DOCTOR 896.00: rule beauty-service, 700bp of 12800.00");
          });
    }

    @Test
    @DisplayName("paid Q&A: an answer earns 10 yuan, each 1-yuan view goes to the answerer less the referrer's 10%")
    void paidQa() {
      SplitPlan plan = SplitPlan.of(Seeds.paidQa());
      PartyId answerer = PartyId.of("dr-wang");
      PartyId referrer = PartyId.of("reader-friend");
      Split answer = plan.split(SplitRequest.builder().party(PartyRole.PLATFORM, PLATFORM)
          .party(PartyRole.ANSWERER, answerer)
          .line(OrderLine.of("bounty", RevenueCategory.CONSULTATION, Money.ofYuan(30))).build());
      assertThat(answer.totalsByParty()).containsEntry(answerer, Money.ofYuan(10))
          .containsEntry(PLATFORM, Money.ofYuan(20));

      Split view = plan.split(SplitRequest.builder().party(PartyRole.PLATFORM, PLATFORM)
          .party(PartyRole.ANSWERER, answerer).party(PartyRole.REFERRER_L1, referrer)
          .line(OrderLine.of("unlock", RevenueCategory.CONTENT, Money.ofYuan(1))).build());
      assertThat(view.totalsByParty()).containsEntry(answerer, Money.ofMinor(90))
          .containsEntry(referrer, Money.ofMinor(10));

      Split unreferred = plan.split(SplitRequest.builder().party(PartyRole.PLATFORM, PLATFORM)
          .party(PartyRole.ANSWERER, answerer)
          .line(OrderLine.of("unlock", RevenueCategory.CONTENT, Money.ofYuan(1))).build());
      assertThat(unreferred.totalsByParty()).containsExactly(Map.entry(answerer, Money.ofYuan(1)));
      assertThat(unreferred.allocations()).filteredOn(a -> a.role().equals(PartyRole.REFERRER_L1)).singleElement()
          .satisfies(a -> assertThat(a.adjustments()).containsExactly(Adjustment.NO_PARTY));
    }

    @Test
    @DisplayName("crowdsourced answering pays staff a bonus per accepted answer")
    void crowd() {
      SplitPlan plan = SplitPlan.of(Seeds.crowd());
      PartyId nurse = PartyId.of("nurse-zhao");
      Split split = plan.split(SplitRequest.builder().party(PartyRole.PLATFORM, PLATFORM)
          .party(PartyRole.STAFF, nurse).party(PartyRole.CLINIC, CLINIC)
          .line(new OrderLine("answers", RevenueCategory.CONSULTATION, Money.ofYuan(60), 3)).build());
      assertThat(split.totalsByParty()).containsEntry(nurse, Money.ofYuan(24))
          .containsEntry(CLINIC, Money.parse("10.80")).containsEntry(PLATFORM, Money.parse("25.20"));
    }
  }

  @Nested
  @DisplayName("exactly to the fen")
  class Exactness {
    @Test
    @DisplayName("hands leftover fen to the largest remainders, ties to the share declared first")
    void largestRemainder() {
      RevenueShareRuleSet halves = RevenueShareRuleSet.builder(RuleSetId.of("halves"), 1).effectiveFrom(Seeds.EPOCH)
          .rule(RevenueShareRule.named("halves").share(PartyRole.CHANNEL, of(5000)).share(PartyRole.AGENT, of(5000))
              .build())
          .build();
      Split split = SplitPlan.of(halves).split(SplitRequest.builder().party(PartyRole.PLATFORM, PLATFORM)
          .party(PartyRole.CHANNEL, CHANNEL).party(PartyRole.AGENT, AGENT)
          .line(OrderLine.of("l", RevenueCategory.SERVICE, Money.ofMinor(99))).build());
      assertThat(split.amountMinor(0, PartyRole.CHANNEL)).isEqualTo(50);
      assertThat(split.amountMinor(0, PartyRole.AGENT)).isEqualTo(49);
    }

    @Test
    @DisplayName("every line's allocations sum to the line, for random orders")
    void sumsExactly() {
      SplitPlan plan = SplitPlan.of(Seeds.beauty());
      RevenueCategory[] categories = RevenueCategory.values();
      for (long seed = 0; seed < 2_000; seed++) {
        Random random = new Random(seed);
        SplitRequest.Builder request = beautyParties();
        int lines = 1 + random.nextInt(6);
        for (int i = 0; i < lines; i++) {
          request.line(OrderLine.of("l" + i, categories[random.nextInt(categories.length)],
              Money.ofMinor(1 + random.nextInt(random.nextBoolean() ? 1_000 : 10_000_000))));
        }
        SplitRequest r = request.build();
        Split split = plan.split(r);
        for (OrderLine line : r.lines()) {
          long sum = split.allocations().stream().filter(a -> a.lineId().equals(line.id()))
              .mapToLong(a -> a.amount().minor()).sum();
          assertThat(sum).as("seed %d line %s", seed, line.id()).isEqualTo(line.amount().minor());
        }
        for (Allocation a : split.allocations()) {
          assertThat(a.amount().minor()).as("seed %d", seed).isNotNegative();
          if (a.basis() == AllocationBasis.SHARE) {
            // Within one fen of the exact share.
            long exact = Math.floorDiv(a.base().minor() * a.shareBasisPoints(), 10_000);
            assertThat(a.amount().minor()).as("seed %d", seed).isBetween(exact, exact + 1);
          }
        }
      }
    }

    @Test
    @DisplayName("the same request always gives the same split")
    void deterministic() {
      SplitPlan plan = SplitPlan.of(Seeds.beauty());
      SplitRequest r = beautyParties().line(OrderLine.of("a", RevenueCategory.SERVICE, Money.ofMinor(12_345)))
          .line(OrderLine.of("b", RevenueCategory.DRUG, Money.ofMinor(777))).build();
      assertThat(plan.split(r).allocations()).isEqualTo(plan.split(r).allocations());
    }
  }

  @Nested
  @DisplayName("through the waterfall")
  class Waterfall {
    @Test
    @DisplayName("pays fixed shares first, in declared order, until the line runs out")
    void fixedFirst() {
      RevenueShareRuleSet set = RevenueShareRuleSet.builder(RuleSetId.of("fixed"), 1).effectiveFrom(Seeds.EPOCH)
          .rule(RevenueShareRule.named("fees").fixed(PartyRole.SUPPLIER, Money.ofYuan(5), ShareKind.REVENUE_SHARE)
              .fixed(PartyRole.AGENT, Money.ofYuan(3), ShareKind.REVENUE_SHARE)
              .share(PartyRole.CHANNEL, of(5000)).rest(PartyRole.CLINIC).build())
          .build();
      SplitPlan plan = SplitPlan.of(set);
      Split big = plan.split(beautyParties().line(new OrderLine("x", RevenueCategory.DEVICE, Money.ofYuan(20), 2))
          .build());
      assertThat(big.amountMinor(0, PartyRole.SUPPLIER)).isEqualTo(1000);
      assertThat(big.amountMinor(0, PartyRole.AGENT)).isEqualTo(600);
      assertThat(big.amountMinor(0, PartyRole.CHANNEL)).isEqualTo(200);
      assertThat(big.amountMinor(0, PartyRole.CLINIC)).isEqualTo(200);

      Split small = plan.split(beautyParties().line(OrderLine.of("x", RevenueCategory.DEVICE, Money.ofYuan(7)))
          .build());
      assertThat(small.amountMinor(0, PartyRole.SUPPLIER)).isEqualTo(500);
      assertThat(small.amountMinor(0, PartyRole.AGENT)).isEqualTo(200);
      assertThat(small.amountMinor(0, PartyRole.CHANNEL)).isZero();
      assertThat(small.allocations().get(1).adjustments()).containsExactly(Adjustment.FIXED_TRUNCATED);
    }

    @Test
    @DisplayName("caps send the excess to the residual and floors take from it")
    void capsAndFloors() {
      RevenueShareRuleSet set = RevenueShareRuleSet.builder(RuleSetId.of("limits"), 1).effectiveFrom(Seeds.EPOCH)
          .rule(RevenueShareRule.named("limits")
              .share(PercentShare.of(PartyRole.CHANNEL, of(5000)).withCap(Money.ofYuan(100)))
              .share(PercentShare.of(PartyRole.AGENT, of(100)).withFloor(Money.ofYuan(5)))
              .rest(PartyRole.CLINIC).build())
          .build();
      SplitPlan plan = SplitPlan.of(set);
      Split split = plan.split(beautyParties().line(OrderLine.of("x", RevenueCategory.SERVICE, Money.ofYuan(1000)))
          .build());
      assertThat(split.amountMinor(0, PartyRole.CHANNEL)).isEqualTo(10_000);
      assertThat(split.amountMinor(0, PartyRole.AGENT)).isEqualTo(1_000);
      assertThat(split.amountMinor(0, PartyRole.CLINIC)).isEqualTo(89_000);

      Split tiny = plan.split(beautyParties().line(OrderLine.of("x", RevenueCategory.SERVICE, Money.ofYuan(6)))
          .build());
      assertThat(tiny.amountMinor(0, PartyRole.AGENT)).isEqualTo(300); // its 6 fen plus all 294 the clinic had
      assertThat(tiny.amountMinor(0, PartyRole.CLINIC)).isZero();
      assertThat(tiny.allocations().get(1).adjustments())
          .containsExactlyInAnyOrder(Adjustment.FLOOR_TOPPED_UP, Adjustment.FLOOR_SHORT);
    }

    @Test
    @DisplayName("volume tiers raise a share once the party's monthly volume reaches them")
    void tiers() {
      RevenueShareRuleSet set = RevenueShareRuleSet.builder(RuleSetId.of("tiers"), 1).effectiveFrom(Seeds.EPOCH)
          .rule(RevenueShareRule.named("agents")
              .share(PercentShare.of(PartyRole.AGENT, of(1000))
                  .withTiers(VolumeTier.from(Money.ofYuan(100_000), of(1500)),
                      VolumeTier.from(Money.ofYuan(500_000), of(2000))))
              .rest(PartyRole.CLINIC).build())
          .build();
      SplitPlan plan = SplitPlan.of(set);
      OrderLine line = OrderLine.of("x", RevenueCategory.SERVICE, Money.ofYuan(1000));
      assertThat(plan.split(beautyParties().line(line).build()).amountMinor(0, PartyRole.AGENT)).isEqualTo(10_000);
      assertThat(plan.split(beautyParties().line(line).volume(PartyRole.AGENT, Money.ofYuan(100_000)).build())
          .amountMinor(0, PartyRole.AGENT)).isEqualTo(15_000);
      assertThat(plan.split(beautyParties().line(line).volume(PartyRole.AGENT, Money.ofYuan(600_000)).build())
          .amountMinor(0, PartyRole.AGENT)).isEqualTo(20_000);
    }

    @Test
    @DisplayName("a withheld referrer's share goes to the residual, explained")
    void withheld() {
      SplitPlan plan = SplitPlan.of(Seeds.paidQa());
      Split split = plan.split(SplitRequest.builder().party(PartyRole.PLATFORM, PLATFORM)
          .party(PartyRole.ANSWERER, DOCTOR).party(PartyRole.REFERRER_L1, PartyId.of("dr-zhang"))
          .withhold(PartyRole.REFERRER_L1, "referral.split.staff_referral_fee")
          .line(OrderLine.of("unlock", RevenueCategory.CONTENT, Money.ofYuan(1))).build());
      assertThat(split.totalsByParty()).containsExactly(Map.entry(DOCTOR, Money.ofYuan(1)));
      List<Allocation> allocations = new ArrayList<>(split.allocations());
      assertThat(allocations.get(0).adjustments()).containsExactly(Adjustment.WITHHELD);
      assertThat(allocations.get(1).adjustments()).containsExactly(Adjustment.RECEIVED_REASSIGNED);
    }
  }

  @Nested
  @DisplayName("refuses")
  class Refusals {
    @Test
    @DisplayName("a line whose category no rule splits")
    void noRule() {
      SplitPlan plan = SplitPlan.of(Seeds.paidQa());
      assertThatThrownBy(() -> plan.split(SplitRequest.builder().party(PartyRole.PLATFORM, PLATFORM)
          .line(OrderLine.of("x", RevenueCategory.DRUG, Money.ofYuan(1))).build()))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.split.no_rule"));
    }

    @Test
    @DisplayName("an order without a party for a role the rule pays")
    void missingParty() {
      SplitPlan plan = SplitPlan.of(Seeds.beauty());
      assertThatThrownBy(() -> plan.split(SplitRequest.builder().party(PartyRole.PLATFORM, PLATFORM)
          .party(PartyRole.CHANNEL, CHANNEL)
          .line(OrderLine.of("x", RevenueCategory.SERVICE, Money.ofYuan(1))).build()))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.split.missing_party"));
    }

    @Test
    @DisplayName("to compile a rule set that pays a doctor a share of drugs")
    void illegalRuleSet() {
      RevenueShareRuleSet kickback = RevenueShareRuleSet.builder(RuleSetId.of("kickback"), 1)
          .effectiveFrom(Seeds.EPOCH)
          .rule(RevenueShareRule.named("drugs").categories(RevenueCategory.DRUG)
              .share(PartyRole.DOCTOR, of(500)).rest(PartyRole.CLINIC).build())
          .build();
      assertThatThrownBy(() -> SplitPlan.of(kickback))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.rule.doctor_share_of_drug"));
      assertThatThrownBy(() -> SplitPlan.of(kickback, RuleValidator.of(GuardPolicy.bundled(), 2)))
          .isInstanceOf(ValidationException.class);
    }
  }
}
