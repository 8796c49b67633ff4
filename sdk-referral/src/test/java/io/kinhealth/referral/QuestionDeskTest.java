package io.kinhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.attribution.BindingPolicy;
import io.kinhealth.referral.attribution.ScanCommand;
import io.kinhealth.referral.commission.CommissionPolicy;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.memory.InMemoryPaymentGateway;
import io.kinhealth.referral.order.OrderSettlement;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.payment.ProviderProfile;
import io.kinhealth.referral.payment.ProviderProfiles;
import io.kinhealth.referral.payment.ReceiverAccount;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.payment.Withdrawal;
import io.kinhealth.referral.payment.WithdrawalPolicy;
import io.kinhealth.referral.payment.WithdrawalState;
import io.kinhealth.referral.qa.AskCrowd;
import io.kinhealth.referral.qa.AskExpert;
import io.kinhealth.referral.qa.ExpertListing;
import io.kinhealth.referral.qa.Question;
import io.kinhealth.referral.qa.QuestionId;
import io.kinhealth.referral.qa.QuestionPolicy;
import io.kinhealth.referral.qa.QuestionState;
import io.kinhealth.referral.qa.Unlock;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.rule.ShareKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Paid Q&A end to end")
class QuestionDeskTest {
  static final RuleSetId CROWD = RuleSetId.of("qa-crowd");
  static final RuleSetId EXPERT = RuleSetId.of("qa-expert");
  static final RuleSetId UNLOCK = RuleSetId.of("qa-unlock");
  static final PartyId ASKER = PartyId.of("patient-1");
  static final PartyId NURSE_A = PartyId.of("nurse-a");
  static final PartyId NURSE_B = PartyId.of("nurse-b");
  static final PartyId HOSPITAL = PartyId.of("hospital-3");
  static final PartyId EXPERT_WANG = PartyId.of("dr-wang");

  final TestClock clock = TestClock.at("2026-11-02T02:00:00Z");
  final InMemoryEventBus events = new InMemoryEventBus();
  final List<ReferralEvent> seen = new ArrayList<>();
  final ProviderProfile profile = ProviderProfiles.wechatPay();
  final InMemoryPaymentGateway gateway = InMemoryPaymentGateway.builder(profile).clock(clock).build();
  // Sharers bring many readers a day here: no velocity flag should hold their commissions for review.
  final ReferralEngine engine = ReferralEngine.builder().clock(clock).events(events)
      .binding(BindingPolicy.ofDefaults().withVelocity(1_000_000, Duration.ofDays(1)))
      .commissions(CommissionPolicy.ofDefaults().withHoldPeriod(Duration.ZERO)).build();
  final Payouts payouts = Payouts.builder().engine(engine).provider(profile, gateway)
      .withdrawals(WithdrawalPolicy.ofDefaults().withDailyCap(Money.ofYuan(10_000_000))).build();
  final QuestionDesk desk;

  QuestionDeskTest() {
    events.subscribe(ReferralEvent.class, seen::add);
    engine.rules().publish(RevenueShareRuleSet.builder(CROWD, 1).effectiveFrom(Seeds.EPOCH)
        .rule(RevenueShareRule.named("accepted-answer").categories(RevenueCategory.CONSULTATION)
            .fixed(PartyRole.ANSWERER, Money.ofYuan(8), ShareKind.WORK_FEE)
            .share(PartyRole.CLINIC, BasisPoints.of(3000)).rest(PartyRole.PLATFORM).build())
        .build());
    engine.rules().publish(RevenueShareRuleSet.builder(EXPERT, 1).effectiveFrom(Seeds.EPOCH)
        .rule(RevenueShareRule.named("expert-fee").categories(RevenueCategory.CONSULTATION)
            .share(PartyRole.ANSWERER, BasisPoints.of(7000), ShareKind.WORK_FEE).rest(PartyRole.PLATFORM).build())
        .build());
    engine.rules().publish(RevenueShareRuleSet.builder(UNLOCK, 1).effectiveFrom(Seeds.EPOCH)
        .rule(RevenueShareRule.named("unlock").categories(RevenueCategory.CONTENT)
            .share(PartyRole.REFERRER_L1, BasisPoints.of(1000)).share(PartyRole.ANSWERER, BasisPoints.of(6000))
            .rest(PartyRole.PLATFORM).build())
        .build());
    desk = QuestionDesk.builder().payouts(payouts)
        .policy(QuestionPolicy.of(CROWD, EXPERT, UNLOCK).withPayoutThreshold(Money.ofYuan(100), "wechat")).build();
  }

  long available(PartyId p) {
    return engine.commissions().balanceOf(p).available().minor();
  }

  long posted(AccountId a) {
    return engine.ledger().balance(a).postedMinor();
  }

  Question askCrowd(String id) {
    return desk.askCrowd(new AskCrowd(QuestionId.of(id), ASKER, Money.ofYuan(50), "wechat",
        Map.of(PartyRole.CLINIC, HOSPITAL)));
  }

  @Nested
  @DisplayName("a bounty to the crowd")
  class Crowd {
    @Test
    @DisplayName("the first staff member to grab it answers it; the asker accepts; the bounty is split")
    void firstComeFirstServed() {
      Question q = askCrowd("q1");
      assertThat(posted(desk.escrowAccount())).isEqualTo(5_000);
      assertThat(desk.grab(q.id(), NURSE_A).grabbedBy()).isEqualTo(NURSE_A);
      assertThat(desk.grab(q.id(), NURSE_A).grabbedBy()).isEqualTo(NURSE_A); // holding it already
      assertThatThrownBy(() -> desk.grab(q.id(), NURSE_B)).isInstanceOfSatisfying(ConflictException.class,
          e -> assertThat(e.reason()).isEqualTo("referral.question.taken"));
      assertThatThrownBy(() -> desk.answer(q.id(), NURSE_B, "ans-b")).isInstanceOfSatisfying(
          ForbiddenException.class, e -> assertThat(e.reason()).isEqualTo("referral.question.not_answerer"));
      assertThat(desk.answer(q.id(), NURSE_A, "ans-a").state()).isEqualTo(QuestionState.ANSWERED);
      assertThatThrownBy(() -> desk.accept(q.id(), NURSE_A)).isInstanceOf(ForbiddenException.class);
      Question accepted = desk.accept(q.id(), ASKER);
      assertThat(accepted.state()).isEqualTo(QuestionState.ACCEPTED);
      assertThat(desk.accept(q.id(), ASKER)).isEqualTo(accepted);
      desk.settleEarnings(100);
      assertThat(posted(desk.escrowAccount())).isZero();
      assertThat(available(NURSE_A)).isEqualTo(800); // the 8-yuan bonus
      assertThat(available(HOSPITAL)).isEqualTo(1_260); // 30% of the 42 yuan left
      assertThat(engine.ledger().check().isSound()).isTrue();
    }

    @Test
    @DisplayName("a grab that lapses lets another staff member take the question")
    void lapsedGrab() {
      Question q = askCrowd("q1");
      desk.grab(q.id(), NURSE_A);
      clock.advance(Duration.ofMinutes(30));
      assertThat(desk.grab(q.id(), NURSE_B).grabbedBy()).isEqualTo(NURSE_B);
      assertThatThrownBy(() -> desk.answer(q.id(), NURSE_A, "late")).isInstanceOf(ForbiddenException.class);
      desk.answer(q.id(), NURSE_B, "ans-b");
      desk.accept(q.id(), ASKER);
      desk.settleEarnings(100);
      assertThat(available(NURSE_B)).isEqualTo(800);
      assertThat(available(NURSE_A)).isZero();
    }

    @Test
    @DisplayName("unanswered by the deadline, the asker is refunded in full; answered, it is accepted for them")
    void deadline() {
      Question open = askCrowd("q1");
      Question answered = askCrowd("q2");
      desk.grab(answered.id(), NURSE_A);
      desk.answer(answered.id(), NURSE_A, "ans");
      long provider = posted(AccountId.provider("wechat"));
      clock.advance(Duration.ofHours(48));
      List<Question> closed = desk.closeDue(10);
      assertThat(closed).extracting(Question::state).containsExactlyInAnyOrder(QuestionState.REFUNDED,
          QuestionState.ACCEPTED);
      assertThat(desk.question(open.id()).orElseThrow().state()).isEqualTo(QuestionState.REFUNDED);
      assertThat(posted(desk.escrowAccount())).isZero();
      assertThat(posted(AccountId.provider("wechat"))).isEqualTo(provider - 5_000);
      assertThat(seen).anySatisfy(e -> assertThat(e).isEqualTo(
          new ReferralEvent.QuestionChanged(open.id(), QuestionState.REFUNDED, clock.instant())));
      assertThatThrownBy(() -> desk.grab(open.id(), NURSE_B)).isInstanceOf(ConflictException.class);
      assertThat(desk.closeDue(10)).isEmpty();
    }
  }

  @Nested
  @DisplayName("a question to a named expert")
  class Expert {
    @Test
    @DisplayName("is charged the expert's price and paid when the expert answers")
    void answered() {
      desk.listExpert(ExpertListing.of(EXPERT_WANG, "cardiology", Money.ofYuan(30)));
      Question q = desk.askExpert(new AskExpert(QuestionId.of("e1"), ASKER, EXPERT_WANG, "wechat", Map.of()));
      assertThat(q.price()).isEqualTo(Money.ofYuan(30));
      assertThat(q.department()).isEqualTo("cardiology");
      assertThatThrownBy(() -> desk.answer(q.id(), NURSE_A, "x")).isInstanceOf(ForbiddenException.class);
      assertThat(desk.answer(q.id(), EXPERT_WANG, "ans-1").state()).isEqualTo(QuestionState.ACCEPTED);
      desk.settleEarnings(100);
      assertThat(available(EXPERT_WANG)).isEqualTo(2_100);
      assertThat(posted(desk.escrowAccount())).isZero();
    }

    @Test
    @DisplayName("is refunded in full if the expert does not answer by the deadline, and cannot be answered after")
    void refunded() {
      desk.listExpert(ExpertListing.of(EXPERT_WANG, "cardiology", Money.ofYuan(30)));
      Question q = desk.askExpert(new AskExpert(QuestionId.of("e1"), ASKER, EXPERT_WANG, "wechat", Map.of()));
      clock.advance(Duration.ofHours(48));
      assertThatThrownBy(() -> desk.answer(q.id(), EXPERT_WANG, "late")).isInstanceOfSatisfying(
          InvalidStateException.class, e -> assertThat(e.reason()).isEqualTo("referral.question.closed"));
      assertThat(desk.closeDue(10)).extracting(Question::state).containsExactly(QuestionState.REFUNDED);
      assertThat(posted(desk.escrowAccount())).isZero();
      assertThat(engine.order(QuestionDesk.orderOf(q.id()))).isEmpty();
    }
  }

  @Nested
  @DisplayName("unlocking an answer")
  class Unlocks {
    Question accepted() {
      Question q = askCrowd("q1");
      desk.grab(q.id(), NURSE_A);
      desk.answer(q.id(), NURSE_A, "ans");
      Question accepted = desk.accept(q.id(), ASKER);
      desk.settleEarnings(100);
      return accepted;
    }

    @Test
    @DisplayName("credits the answerer, the reader's referrer and the platform; a reader unlocks once")
    void credits() {
      Question q = accepted();
      PartyId sharer = PartyId.of("sharer-1");
      PartyId reader = PartyId.of("reader-1");
      engine.attribution().scan(ScanCommand.of(IdempotencyKey.of("s1"),
          engine.attribution().issueToken(sharer, 1, Duration.ofDays(3)).value(), reader));
      long platform = posted(engine.platformAccount());
      long before = available(NURSE_A);
      OrderSettlement s = desk.unlock(new Unlock(q.id(), reader, "wechat", clock.instant()));
      assertThat(desk.unlock(new Unlock(q.id(), reader, "wechat", clock.instant().plusSeconds(5)))).isEqualTo(s);
      desk.settleEarnings(100);
      assertThat(available(sharer)).isEqualTo(10);
      assertThat(available(NURSE_A) - before).isEqualTo(60);
      assertThat(posted(engine.platformAccount()) - platform).isEqualTo(30);
    }

    @Test
    @DisplayName("is refused before the answer is accepted, and for the asker and the answerer")
    void refused() {
      Question q = askCrowd("q1");
      assertThatThrownBy(() -> desk.unlock(new Unlock(q.id(), PartyId.of("r"), "wechat", clock.instant())))
          .isInstanceOfSatisfying(InvalidStateException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.question.not_accepted"));
      desk.grab(q.id(), NURSE_A);
      desk.answer(q.id(), NURSE_A, "ans");
      desk.accept(q.id(), ASKER);
      assertThatThrownBy(() -> desk.unlock(new Unlock(q.id(), ASKER, "wechat", clock.instant())))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.question.own_answer"));
    }

    @Test
    @DisplayName("100,000 one-yuan unlocks give exact ledger totals and exactly one payout per threshold crossing")
    void hundredThousand() {
      Question q = accepted();
      payouts.registerReceiver(ReceiverAccount.of(NURSE_A, "wechat", ReceiverType.PERSONAL, "openid-nurse-a"));
      long nurseStart = available(NURSE_A); // the 8-yuan bonus, below the threshold
      List<PartyId> sharers = List.of(PartyId.of("sharer-0"), PartyId.of("sharer-1"), PartyId.of("sharer-2"));
      int n = 100_000;
      int referred = 0;
      long platformStart = posted(engine.platformAccount());
      long balance = nurseStart;
      int expectedPayouts = 0;
      long expectedPaid = 0;
      List<Withdrawal> payoutsSeen = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        PartyId reader = PartyId.of("reader-" + i);
        if (i % 100 == 0) {
          PartyId sharer = sharers.get((i / 100) % 3);
          engine.attribution().scan(ScanCommand.of(IdempotencyKey.of("scan-" + i),
              engine.attribution().issueToken(sharer, 1, Duration.ofDays(3)).value(), reader));
          referred++;
        }
        desk.unlock(new Unlock(q.id(), reader, "wechat", clock.instant()));
        payoutsSeen.addAll(desk.settleEarnings(100).payouts());
        balance += 60;
        if (balance >= 10_000) {
          expectedPayouts++;
          expectedPaid += balance;
          balance = 0;
        }
      }
      assertThat(payoutsSeen).hasSize(expectedPayouts);
      assertThat(payoutsSeen).allSatisfy(p -> {
        assertThat(p.state()).isEqualTo(WithdrawalState.PAID);
        assertThat(p.party()).isEqualTo(NURSE_A);
      });
      assertThat(payoutsSeen.stream().mapToLong(p -> p.amount().minor()).sum()).isEqualTo(expectedPaid);
      assertThat(gateway.transferredTo("openid-nurse-a").minor()).isEqualTo(expectedPaid);
      assertThat(available(NURSE_A)).isEqualTo(balance);
      assertThat(nurseStart + 60L * n).isEqualTo(expectedPaid + balance);
      long perSharer = referred / 3;
      for (int k = 0; k < 3; k++) {
        long count = perSharer + (k < referred % 3 ? 1 : 0);
        assertThat(available(sharers.get(k))).as("sharer %d", k).isEqualTo(10 * count);
      }
      assertThat(posted(engine.platformAccount()) - platformStart).isEqualTo(30L * n + 10L * (n - referred));
      assertThat(engine.ledger().check().isSound()).isTrue();
    }
  }
}
