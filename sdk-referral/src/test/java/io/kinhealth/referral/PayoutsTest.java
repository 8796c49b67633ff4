package io.kinhealth.referral;

import static io.kinhealth.referral.PayoutWorld.AGENT;
import static io.kinhealth.referral.PayoutWorld.CHANNEL;
import static io.kinhealth.referral.PayoutWorld.CLINIC;
import static io.kinhealth.referral.PayoutWorld.DOCTOR;
import static io.kinhealth.referral.PayoutWorld.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Delivery;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Settlement;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRefund;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.payment.LedgerRecovery;
import io.kinhealth.referral.payment.NotificationOutcome;
import io.kinhealth.referral.payment.PaymentInstruction;
import io.kinhealth.referral.payment.PaymentRequest;
import io.kinhealth.referral.payment.PaymentResult;
import io.kinhealth.referral.payment.ReceiverOutcome;
import io.kinhealth.referral.payment.PaymentStatus;
import io.kinhealth.referral.payment.PayoutDestination;
import io.kinhealth.referral.payment.PlannedReceiver;
import io.kinhealth.referral.payment.ProviderPlanner;
import io.kinhealth.referral.payment.ProviderProfiles;
import io.kinhealth.referral.payment.ProviderSplitPlan;
import io.kinhealth.referral.payment.RawNotification;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.payment.ReturnOutcome;
import io.kinhealth.referral.payment.SplitOutcome;
import io.kinhealth.referral.payment.Withdrawal;
import io.kinhealth.referral.payment.WithdrawalCommand;
import io.kinhealth.referral.payment.WithdrawalId;
import io.kinhealth.referral.payment.WithdrawalPolicy;
import io.kinhealth.referral.payment.WithdrawalState;
import io.kinhealth.referral.spi.PaymentGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Payouts through a payment provider")
class PayoutsTest {
  final PayoutWorld w = new PayoutWorld();
  final AccountId wechat = AccountId.provider("wechat");

  PaymentRequest only(SplitOutcome outcome) {
    assertThat(outcome.requests()).hasSize(1);
    return outcome.requests().get(0);
  }

  @Nested
  @DisplayName("splitting an order")
  class Splitting {
    @Test
    @DisplayName("a share within the cap goes wholly through the provider and leaves the receiver's wallet once")
    void withinCap() {
      w.receiver(DOCTOR, ReceiverType.PERSONAL);
      w.paidOrder("o1", "10000.00");
      long providerBefore = w.posted(wechat);
      SplitOutcome out = w.payouts.split(OrderId.of("o1"), tx("o1"));
      PaymentRequest r = only(out);
      assertThat(r.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(r.instruction().amount()).isEqualTo(Money.parse("700.00"));
      assertThat(w.wallet(DOCTOR)).isZero();
      assertThat(w.posted(wechat)).isEqualTo(providerBefore - 70_000);
      assertThat(w.gateway.splitNetTo("acct-dr-li")).isEqualTo(Money.parse("700.00"));
      w.assertSound();
    }

    @Test
    @DisplayName("receivers wanting more than the cap share it in proportion; the rest stays in their wallets")
    void overCap() {
      w.receiver(CHANNEL, ReceiverType.MERCHANT);
      w.receiver(DOCTOR, ReceiverType.PERSONAL);
      w.receiver(CLINIC, ReceiverType.MERCHANT);
      w.paidOrder("o1", "10000.00");
      SplitOutcome out = w.payouts.split(OrderId.of("o1"), tx("o1"));
      ProviderSplitPlan plan = out.plan();
      assertThat(plan.cap()).isEqualTo(Money.parse("3000.00"));
      assertThat(plan.viaProvider()).isEqualTo(plan.cap());
      Map<PartyId, Long> via = new java.util.HashMap<>();
      for (PlannedReceiver r : plan.receivers()) {
        via.put(r.party(), r.viaProvider().minor());
        if (r.viaWallet().isPositive()) {
          assertThat(r.reason()).isIn(ProviderPlanner.RATIO_CAP, ProviderPlanner.NO_RECEIVER);
        }
      }
      // 300,000 fen over wants of 500,000, 70,000 and 80,000 by largest remainder.
      assertThat(via).containsEntry(CHANNEL, 230_769L).containsEntry(DOCTOR, 32_308L).containsEntry(CLINIC, 36_923L);
      assertThat(w.wallet(CHANNEL)).isEqualTo(500_000 - 230_769);
      assertThat(w.wallet(AGENT)).isEqualTo(150_000);
      assertThat(plan.explain()).anySatisfy(line -> assertThat(line)
          .isEqualTo("meituan: 2307.69 by WeChat Pay (request 1), 2692.31 from the wallet (referral.plan.ratio_cap)"));
      w.assertSound();
    }

    @Test
    @DisplayName("splitting again once the cap is used sends nothing")
    void capUsed() {
      w.receiver(CHANNEL, ReceiverType.MERCHANT);
      w.paidOrder("o1", "10000.00");
      only(w.payouts.split(OrderId.of("o1"), tx("o1")));
      SplitOutcome again = w.payouts.split(OrderId.of("o1"), tx("o1"));
      assertThat(again.requests()).isEmpty();
      assertThat(again.plan().viaProvider().isZero()).isTrue();
      assertThat(w.gateway.requestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("more split requests than the provider allows per order are refused, naming the limit")
    void tooManyRequests() {
      PayoutWorld small = new PayoutWorld(ProviderProfiles.wechatPay().withRequestLimits(1, 2),
          WithdrawalPolicy.ofDefaults());
      for (PartyId p : List.of(CHANNEL, DOCTOR, CLINIC)) {
        small.receiver(p, ReceiverType.MERCHANT);
      }
      small.paidOrder("o1", "10000.00");
      assertThatThrownBy(() -> small.payouts.split(OrderId.of("o1"), tx("o1")))
          .isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.reason()).isEqualTo("referral.provider.split_requests");
            assertThat(e.getMessage()).contains("at most 2 split requests per order");
          });
      assertThat(small.gateway.requestCount()).isZero();
      assertThat(small.wallet(CHANNEL)).isEqualTo(500_000);
    }

    @Test
    @DisplayName("an order past the provider's freeze period can no longer be split")
    void freezePeriod() {
      w.receiver(CHANNEL, ReceiverType.MERCHANT);
      w.paidOrder("o1", "10000.00");
      w.clock.advance(Duration.ofDays(180));
      assertThatThrownBy(() -> w.payouts.split(OrderId.of("o1"), tx("o1")))
          .isInstanceOfSatisfying(LimitExceededException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.provider.freeze_period"));
    }

    @Test
    @DisplayName("after the unsplit funds are released the order cannot be split")
    void unfrozen() {
      w.receiver(CHANNEL, ReceiverType.MERCHANT);
      w.paidOrder("o1", "10000.00");
      PaymentRequest u = w.payouts.unfreeze(OrderId.of("o1"), tx("o1"));
      assertThat(u.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(w.payouts.unfreeze(OrderId.of("o1"), tx("o1")).key()).isEqualTo(u.key());
      assertThatThrownBy(() -> w.payouts.split(OrderId.of("o1"), tx("o1")))
          .isInstanceOfSatisfying(InvalidStateException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.split.unfrozen"));
      assertThat(w.wallet(CHANNEL)).isEqualTo(500_000);
    }

    @Test
    @DisplayName("a failed split puts the receivers' money back in their wallets")
    void failed() {
      w.receiver(DOCTOR, ReceiverType.PERSONAL);
      w.paidOrder("o1", "10000.00");
      w.script.settle(Settlement.fail("NO_RELATION"));
      PaymentRequest r = only(w.payouts.split(OrderId.of("o1"), tx("o1")));
      assertThat(r.status()).isEqualTo(PaymentStatus.FAILED);
      assertThat(r.errorCode()).isEqualTo("NO_RELATION");
      assertThat(w.wallet(DOCTOR)).isEqualTo(70_000);
      w.assertSound();
    }

    @Test
    @DisplayName("partial success: a receiver that failed keeps its money in its wallet, the others are paid")
    void partial() {
      w.receiver(DOCTOR, ReceiverType.PERSONAL);
      w.receiver(CLINIC, ReceiverType.MERCHANT);
      w.paidOrder("o1", "10000.00");
      w.script.settle(Settlement.failReceivers(Set.of(1), "ACCOUNT_ABNORMAL"));
      PaymentRequest r = only(w.payouts.split(OrderId.of("o1"), tx("o1")));
      assertThat(r.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(r.receivers()).containsExactly(PaymentStatus.SUCCEEDED, PaymentStatus.FAILED);
      assertThat(w.wallet(DOCTOR)).isZero();
      assertThat(w.wallet(CLINIC)).isEqualTo(80_000);
      assertThat(r.settledAmount()).isEqualTo(Money.parse("700.00"));
    }

    @Test
    @DisplayName("an all-or-nothing provider fails the whole request when one receiver fails")
    void allOrNothing() {
      PayoutWorld sync = new PayoutWorld(ProviderProfiles.alipaySync(), WithdrawalPolicy.ofDefaults());
      sync.receiver(DOCTOR, ReceiverType.PERSONAL);
      sync.receiver(CLINIC, ReceiverType.MERCHANT);
      sync.paidOrder("o1", "10000.00");
      sync.script.settle(Settlement.failReceivers(Set.of(1), "ACCOUNT_ABNORMAL"));
      PaymentRequest r = only(sync.payouts.split(OrderId.of("o1"), tx("o1")));
      assertThat(r.status()).isEqualTo(PaymentStatus.FAILED);
      assertThat(sync.wallet(DOCTOR)).isEqualTo(70_000);
      assertThat(sync.wallet(CLINIC)).isEqualTo(80_000);
    }
  }

  @Nested
  @DisplayName("answers that never came")
  class Unknowns {
    @Test
    @DisplayName("a call lost before the provider saw it stays UNKNOWN; the reconciler resends the same key once")
    void lostBefore() {
      w.receiver(DOCTOR, ReceiverType.PERSONAL);
      w.paidOrder("o1", "10000.00");
      w.script.deliver(Delivery.LOST_BEFORE_PROVIDER);
      PaymentRequest r = only(w.payouts.split(OrderId.of("o1"), tx("o1")));
      assertThat(r.status()).isEqualTo(PaymentStatus.UNKNOWN);
      assertThat(w.engine.commissions().balanceOf(DOCTOR).reserved().minor()).isEqualTo(70_000);
      assertThatThrownBy(() -> w.payouts.split(OrderId.of("o1"), tx("o1")))
          .isInstanceOfSatisfying(InvalidStateException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.payment.in_flight"));

      assertThat(w.payouts.reconciler().settleDue(100).checked()).isZero(); // not due for 5 minutes
      w.clock.advance(Duration.ofMinutes(5));
      var run = w.payouts.reconciler().settleDue(100);
      assertThat(run.resent()).isEqualTo(1);
      assertThat(run.settled()).isEqualTo(1);
      assertThat(w.payouts.request(r.key()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(w.gateway.requestCount()).isEqualTo(1);
      assertThat(w.gateway.splitNetTo("acct-dr-li")).isEqualTo(Money.parse("700.00"));
      assertThat(w.wallet(DOCTOR)).isZero();
      assertThat(w.payouts.reconciler().settleDue(100).checked()).isZero();
      w.assertSound();
    }

    @Test
    @DisplayName("an answer lost after the provider acted is settled by the query, without sending again")
    void lostAfter() {
      w.receiver(DOCTOR, ReceiverType.PERSONAL);
      w.paidOrder("o1", "10000.00");
      w.script.deliver(Delivery.LOST_AFTER_PROVIDER);
      PaymentRequest r = only(w.payouts.split(OrderId.of("o1"), tx("o1")));
      assertThat(r.status()).isEqualTo(PaymentStatus.UNKNOWN);
      w.clock.advance(Duration.ofMinutes(5));
      var run = w.payouts.reconciler().settleDue(100);
      assertThat(run.resent()).isZero();
      assertThat(run.settled()).isEqualTo(1);
      assertThat(w.wallet(DOCTOR)).isZero();
    }

    @Test
    @DisplayName("the reconciler backs off 5 minutes, 1 hour, then a day at a time until the provider answers")
    void backoff() {
      w.receiver(DOCTOR, ReceiverType.PERSONAL);
      w.paidOrder("o1", "10000.00");
      w.script.settle(Settlement.succeed().late(Duration.ofDays(3)));
      PaymentRequest r = only(w.payouts.split(OrderId.of("o1"), tx("o1")));
      assertThat(r.status()).isEqualTo(PaymentStatus.PENDING);
      assertThat(r.nextCheckAt()).isEqualTo(r.requestedAt().plus(Duration.ofMinutes(5)));
      w.clock.advance(Duration.ofMinutes(5));
      w.payouts.reconciler().settleDue(10);
      PaymentRequest once = w.payouts.request(r.key()).orElseThrow();
      assertThat(once.checks()).isEqualTo(1);
      assertThat(once.nextCheckAt()).isEqualTo(w.clock.instant().plus(Duration.ofHours(1)));
      w.clock.advance(Duration.ofHours(1));
      w.payouts.reconciler().settleDue(10);
      assertThat(w.payouts.request(r.key()).orElseThrow().nextCheckAt())
          .isEqualTo(w.clock.instant().plus(Duration.ofDays(1)));
      w.clock.advance(Duration.ofDays(1));
      w.payouts.reconciler().settleDue(10);
      assertThat(w.payouts.request(r.key()).orElseThrow().nextCheckAt())
          .isEqualTo(w.clock.instant().plus(Duration.ofDays(1)));
      w.clock.advance(Duration.ofDays(2));
      assertThat(w.payouts.reconciler().settleDue(10).settled()).isEqualTo(1);
      PaymentRequest done = w.payouts.request(r.key()).orElseThrow();
      assertThat(done.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(done.nextCheckAt()).isNull();
      assertThat(done.checks()).isEqualTo(4);
    }

    @Test
    @DisplayName("a host's own back-off schedule is the one the reconciler follows")
    void configuredBackoff() {
      Payouts custom = Payouts.builder().engine(w.engine).provider(w.profile, w.gateway)
          .backoff(io.kinhealth.referral.payment.Backoff.of(Duration.ofMinutes(1), Duration.ofMinutes(10))).build();
      custom.registerReceiver(io.kinhealth.referral.payment.ReceiverAccount.of(DOCTOR, w.provider(),
          ReceiverType.PERSONAL, "acct-dr"));
      w.paidOrder("o1", "10000.00");
      w.script.settle(Settlement.succeed().late(Duration.ofMinutes(30)));
      PaymentRequest r = only(custom.split(OrderId.of("o1"), tx("o1")));
      assertThat(r.nextCheckAt()).isEqualTo(r.requestedAt().plus(Duration.ofMinutes(1)));
      w.clock.advance(Duration.ofMinutes(1));
      custom.reconciler().settleDue(10);
      assertThat(custom.request(r.key()).orElseThrow().nextCheckAt())
          .isEqualTo(w.clock.instant().plus(Duration.ofMinutes(10)));
      w.clock.advance(Duration.ofMinutes(30));
      assertThat(custom.reconciler().settleDue(10).settled()).isEqualTo(1);
      assertThat(custom.request(r.key()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
      w.assertSound();
    }

    @Test
    @DisplayName("a lost query changes nothing: a PENDING request stays PENDING, never FAILED")
    void lostQuery() {
      w.receiver(DOCTOR, ReceiverType.PERSONAL);
      w.paidOrder("o1", "10000.00");
      w.script.settle(Settlement.succeed().late(Duration.ofHours(2))).loseQueries(1);
      PaymentRequest r = only(w.payouts.split(OrderId.of("o1"), tx("o1")));
      w.clock.advance(Duration.ofMinutes(5));
      w.payouts.reconciler().settleDue(10);
      assertThat(w.payouts.request(r.key()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    @DisplayName("a gateway that throws leaves the request UNKNOWN, and the reconciler settles it later")
    void throwingGateway() {
      PayoutWorld t = new PayoutWorld();
      boolean[] broken = {true};
      PaymentGateway flaky = new DelegatingGateway(t.gateway) {
        @Override
        public PaymentResult split(io.kinhealth.referral.payment.SplitInstruction instruction) {
          if (broken[0]) {
            throw new IllegalStateException("connection reset");
          }
          return super.split(instruction);
        }
      };
      Payouts payouts = Payouts.builder().engine(t.engine).provider(t.profile, flaky).build();
      payouts.registerReceiver(io.kinhealth.referral.payment.ReceiverAccount.of(DOCTOR, "wechat",
          ReceiverType.PERSONAL, "acct-dr-li"));
      t.paidOrder("o1", "10000.00");
      PaymentRequest r = payouts.split(OrderId.of("o1"), tx("o1")).requests().get(0);
      assertThat(r.status()).isEqualTo(PaymentStatus.UNKNOWN);
      assertThat(r.errorCode()).isEqualTo("GATEWAY_FAULT");
      broken[0] = false;
      t.clock.advance(Duration.ofMinutes(5));
      assertThat(payouts.reconciler().settleDue(10).settled()).isEqualTo(1);
      assertThat(t.wallet(DOCTOR)).isZero();
    }
  }

  @Nested
  @DisplayName("notifications")
  class Notifications {
    PaymentRequest pendingSplit() {
      w.receiver(DOCTOR, ReceiverType.PERSONAL);
      w.paidOrder("o1", "10000.00");
      w.script.settle(Settlement.succeed().late(Duration.ofMinutes(30)));
      return only(w.payouts.split(OrderId.of("o1"), tx("o1")));
    }

    @Test
    @DisplayName("a late final state arrives by notification and moves money once, however often it is repeated")
    void repeated() {
      PaymentRequest r = pendingSplit();
      assertThat(r.status()).isEqualTo(PaymentStatus.PENDING);
      w.clock.advance(Duration.ofMinutes(30));
      List<RawNotification> sent = w.gateway.takeNotifications();
      assertThat(sent).hasSize(1);
      assertThat(w.payouts.handleNotification(sent.get(0))).isEqualTo(NotificationOutcome.APPLIED);
      for (int i = 0; i < 3; i++) {
        assertThat(w.payouts.handleNotification(sent.get(0))).isEqualTo(NotificationOutcome.DUPLICATE);
      }
      assertThat(w.wallet(DOCTOR)).isZero();
      assertThat(w.payouts.request(r.key()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
      w.assertSound();
    }

    @Test
    @DisplayName("a PENDING notification arriving after the final one is stale and ignored")
    void stale() {
      PaymentRequest r = pendingSplit();
      w.clock.advance(Duration.ofMinutes(30));
      RawNotification fin = w.gateway.takeNotifications().get(0);
      RawNotification early = w.gateway.notificationOf(PaymentResult.pending(r.key(), "ref"));
      assertThat(w.payouts.handleNotification(fin)).isEqualTo(NotificationOutcome.APPLIED);
      assertThat(w.payouts.handleNotification(early)).isEqualTo(NotificationOutcome.STALE);
      assertThat(w.payouts.request(r.key()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    @DisplayName("a forged signature is rejected before anything is read")
    void forged() {
      PaymentRequest r = pendingSplit();
      RawNotification real = w.gateway.notificationOf(PaymentResult.failed(r.key(), "X"));
      RawNotification tampered = new RawNotification("wechat", Map.of("Kinhealth-Signature", "00"), real.body());
      assertThat(w.payouts.handleNotification(tampered)).isEqualTo(NotificationOutcome.REJECTED);
      assertThat(w.payouts.handleNotification(new RawNotification("alipay", real.headers(), real.body())))
          .isEqualTo(NotificationOutcome.REJECTED);
      assertThat(w.payouts.request(r.key()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
      assertThat(w.wallet(DOCTOR)).isZero(); // still held for the split
      assertThat(w.engine.commissions().balanceOf(DOCTOR).reserved().minor()).isEqualTo(70_000);
    }

    @Test
    @DisplayName("a final answer contradicting the recorded one changes nothing")
    void conflicting() {
      PaymentRequest r = pendingSplit();
      w.clock.advance(Duration.ofMinutes(30));
      w.payouts.handleNotification(w.gateway.takeNotifications().get(0));
      long wallet = w.wallet(DOCTOR);
      assertThat(w.payouts.handleNotification(w.gateway.notificationOf(PaymentResult.failed(r.key(), "X"))))
          .isEqualTo(NotificationOutcome.CONFLICT);
      assertThat(w.wallet(DOCTOR)).isEqualTo(wallet);
    }

    @Test
    @DisplayName("eight threads delivering the same notifications while the reconciler runs move the money once")
    void concurrent() throws Exception {
      PaymentRequest r = pendingSplit();
      w.clock.advance(Duration.ofMinutes(30));
      RawNotification fin = w.gateway.takeNotifications().get(0);
      RawNotification early = w.gateway.notificationOf(PaymentResult.pending(r.key(), "ref"));
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<List<NotificationOutcome>>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          start.await();
          List<NotificationOutcome> outcomes = new java.util.ArrayList<>();
          for (int i = 0; i < 50; i++) {
            outcomes.add(w.payouts.handleNotification((i + thread) % 3 == 0 ? early : fin));
            if (i % 10 == thread) {
              w.payouts.reconciler().settleDue(10);
            }
          }
          return outcomes;
        }));
      }
      start.countDown();
      int applied = 0;
      for (java.util.concurrent.Future<List<NotificationOutcome>> f : results) {
        for (NotificationOutcome o : f.get()) {
          assertThat(o).isIn(NotificationOutcome.APPLIED, NotificationOutcome.DUPLICATE, NotificationOutcome.STALE);
          applied += o == NotificationOutcome.APPLIED ? 1 : 0;
        }
      }
      pool.shutdown();
      assertThat(applied).isLessThanOrEqualTo(1);
      assertThat(w.payouts.request(r.key()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(w.wallet(DOCTOR)).isZero();
      assertThat(w.engine.commissions().balanceOf(DOCTOR).reserved().isZero()).isTrue();
      w.assertSound();
    }

    @Test
    @DisplayName("for 200 seeds, partial, final, stale and repeated notifications in any order give the same books")
    void anyOrder() {
      for (long seed = 0; seed < 200; seed++) {
        java.util.Random random = new java.util.Random(seed);
        PayoutWorld world = new PayoutWorld();
        world.receiver(DOCTOR, ReceiverType.PERSONAL);
        world.receiver(CLINIC, ReceiverType.MERCHANT);
        world.paidOrder("o1", "10000.00");
        world.script.settle(Settlement.failReceivers(Set.of(1), "ACCOUNT_ABNORMAL").late(Duration.ofMinutes(30)));
        PaymentRequest r = only(world.payouts.split(OrderId.of("o1"), tx("o1")));
        assertThat(r.status()).as("seed %d", seed).isEqualTo(PaymentStatus.PENDING);
        world.clock.advance(Duration.ofMinutes(30));
        List<RawNotification> sent = new java.util.ArrayList<>(world.gateway.takeNotifications());
        assertThat(sent).as("seed %d", seed).hasSize(1);
        sent.add(world.gateway.notificationOf(PaymentResult.pending(r.key(), "ref")));
        sent.add(world.gateway.notificationOf(PaymentResult.pending(r.key(), "ref")
            .withReceivers(List.of(ReceiverOutcome.succeeded(0)))));
        sent.add(world.gateway.notificationOf(PaymentResult.pending(r.key(), "ref")
            .withReceivers(List.of(ReceiverOutcome.failed(1, "ACCOUNT_ABNORMAL")))));
        List<RawNotification> deliveries = new java.util.ArrayList<>();
        for (RawNotification n : sent) {
          for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
            deliveries.add(n);
          }
        }
        java.util.Collections.shuffle(deliveries, random);
        int applied = 0;
        for (RawNotification n : deliveries) {
          NotificationOutcome o = world.payouts.handleNotification(n);
          assertThat(o).as("seed %d", seed).isIn(NotificationOutcome.APPLIED, NotificationOutcome.DUPLICATE,
              NotificationOutcome.STALE);
          applied += o == NotificationOutcome.APPLIED ? 1 : 0;
          if (random.nextInt(4) == 0) {
            world.payouts.reconciler().settleDue(10);
          }
        }
        PaymentRequest settled = world.payouts.request(r.key()).orElseThrow();
        assertThat(applied).as("seed %d: each receiver's answer applied at most once", seed).isBetween(0, 2);
        assertThat(settled.status()).as("seed %d", seed).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(settled.receivers()).as("seed %d", seed)
            .containsExactly(PaymentStatus.SUCCEEDED, PaymentStatus.FAILED);
        assertThat(world.wallet(DOCTOR)).as("seed %d: the doctor was paid through the provider once", seed).isZero();
        assertThat(world.wallet(CLINIC)).as("seed %d: the failed receiver keeps its money", seed)
            .isEqualTo(80_000);
        assertThat(world.engine.commissions().balanceOf(DOCTOR).reserved().isZero()).as("seed %d", seed).isTrue();
        assertThat(world.engine.ledger().check().isSound()).as("seed %d: ledger sound", seed).isTrue();
      }
    }

    @Test
    @DisplayName("a notification for a key never requested is ignored")
    void unknownKey() {
      RawNotification n = w.gateway.notificationOf(PaymentResult.succeeded(
          io.kinhealth.referral.payment.RequestKey.of("Sdoesnotexist0000"), "r"));
      assertThat(w.payouts.handleNotification(n)).isEqualTo(NotificationOutcome.UNKNOWN_REQUEST);
    }
  }

  @Nested
  @DisplayName("refunds after a split")
  class Returns {
    RefundId refundHalf(String order) {
      RefundId id = RefundId.of(order + "-r1");
      w.engine.recordRefund(OrderRefund.ofTotal(id, OrderId.of(order), w.clock.instant(), Money.parse("5000.00")));
      return id;
    }

    @Test
    @DisplayName("a merchant receiver's split is returned through the provider and the refund's debt is cleared")
    void merchant() {
      w.receiver(CLINIC, ReceiverType.MERCHANT);
      w.paidOrder("o1", "10000.00");
      w.payouts.split(OrderId.of("o1"), tx("o1"));
      RefundId refund = refundHalf("o1");
      assertThat(w.debt(CLINIC)).isEqualTo(40_000);
      ReturnOutcome out = w.payouts.returnsFor(refund);
      assertThat(out.returns()).hasSize(1);
      assertThat(out.returns().get(0).status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(out.onLedger()).isEmpty();
      assertThat(w.debt(CLINIC)).isZero();
      assertThat(w.gateway.splitNetTo("acct-clinic-7")).isEqualTo(Money.parse("400.00"));
      assertThat(w.payouts.returnsFor(refund).returns()).isEmpty(); // nothing is asked for twice
      w.assertSound();
    }

    @Test
    @DisplayName("a personal receiver's split cannot be returned: it stays a debt, netted against later earnings")
    void personal() {
      w.receiver(DOCTOR, ReceiverType.PERSONAL);
      w.paidOrder("o1", "10000.00");
      w.payouts.split(OrderId.of("o1"), tx("o1"));
      RefundId refund = refundHalf("o1");
      ReturnOutcome out = w.payouts.returnsFor(refund);
      assertThat(out.returns()).isEmpty();
      assertThat(out.onLedger()).containsExactly(new LedgerRecovery(DOCTOR, Money.parse("350.00"),
          "referral.return.personal_receiver"));
      assertThat(w.debt(DOCTOR)).isEqualTo(35_000);
      assertThatThrownBy(() -> w.payouts.requestWithdrawal(new WithdrawalCommand(WithdrawalId.of("w1"), DOCTOR,
          Money.parse("10.00"), "wechat", PayoutDestination.wallet("acct-dr-li"))))
          .isInstanceOfSatisfying(InvalidStateException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.payout.debt_open"));
      w.paidOrder("o2", "10000.00"); // 700.00 more for the doctor, 350.00 of it nets the debt
      assertThat(w.debt(DOCTOR)).isZero();
      assertThat(w.wallet(DOCTOR)).isEqualTo(35_000);
      w.assertSound();
    }

    @Test
    @DisplayName("past the provider's return window the refund stays a debt on the ledger")
    void windowClosed() {
      w.receiver(CLINIC, ReceiverType.MERCHANT);
      w.paidOrder("o1", "10000.00");
      w.payouts.split(OrderId.of("o1"), tx("o1"));
      w.clock.advance(Duration.ofDays(181));
      RefundId refund = refundHalf("o1");
      ReturnOutcome out = w.payouts.returnsFor(refund);
      assertThat(out.returns()).isEmpty();
      assertThat(out.onLedger()).extracting(LedgerRecovery::reason).containsExactly("referral.return.window_closed");
      assertThat(w.debt(CLINIC)).isEqualTo(40_000);
    }

    @Test
    @DisplayName("a failed return leaves the debt recorded; asking again sends a new return that clears it")
    void failedThenRetried() {
      w.receiver(CLINIC, ReceiverType.MERCHANT);
      w.paidOrder("o1", "10000.00");
      w.payouts.split(OrderId.of("o1"), tx("o1"));
      RefundId refund = refundHalf("o1");
      w.script.settle(Settlement.fail("NOT_ENOUGH"));
      PaymentRequest failed = w.payouts.returnsFor(refund).returns().get(0);
      assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
      assertThat(w.debt(CLINIC)).isEqualTo(40_000);
      PaymentRequest retried = w.payouts.returnsFor(refund).returns().get(0);
      assertThat(retried.key()).isNotEqualTo(failed.key());
      assertThat(retried.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(w.debt(CLINIC)).isZero();
      w.assertSound();
    }

    @Test
    @DisplayName("no second return is asked for while one is UNKNOWN; if the debt was netted meanwhile the wallet gets the money")
    void inFlightThenNetted() {
      w.receiver(CLINIC, ReceiverType.MERCHANT);
      w.paidOrder("o1", "10000.00");
      w.payouts.split(OrderId.of("o1"), tx("o1"));
      RefundId refund = refundHalf("o1");
      w.script.deliver(Delivery.LOST_AFTER_PROVIDER);
      PaymentRequest r = w.payouts.returnsFor(refund).returns().get(0);
      assertThat(r.status()).isEqualTo(PaymentStatus.UNKNOWN);
      assertThatThrownBy(() -> w.payouts.returnsFor(refund)).isInstanceOfSatisfying(InvalidStateException.class,
          e -> assertThat(e.reason()).isEqualTo("referral.payment.in_flight"));
      w.paidOrder("o2", "10000.00"); // the clinic's 800.00 nets its 400.00 debt
      assertThat(w.debt(CLINIC)).isZero();
      assertThat(w.wallet(CLINIC)).isEqualTo(40_000);
      w.clock.advance(Duration.ofMinutes(5));
      w.payouts.reconciler().settleDue(10);
      assertThat(w.wallet(CLINIC)).isEqualTo(80_000);
      w.assertSound();
    }
  }

  @Nested
  @DisplayName("withdrawals")
  class Withdrawals {
    final PayoutWorld fw = new PayoutWorld(ProviderProfiles.wechatPay(), WithdrawalPolicy.ofDefaults()
        .withFee(BasisPoints.of(100), Money.parse("1.00")).withDailyCap(Money.parse("1000.00")));

    WithdrawalCommand cmd(String id, PartyId party, String amount) {
      return new WithdrawalCommand(WithdrawalId.of(id), party, Money.parse(amount), "wechat",
          PayoutDestination.wallet("acct-" + party.value()));
    }

    @Test
    @DisplayName("an approved withdrawal pays the net to the person, the fee to the platform, and is PAID")
    void paid() {
      fw.paidOrder("o1", "10000.00");
      long platform = fw.posted(fw.engine.platformAccount());
      Withdrawal w1 = fw.payouts.requestWithdrawal(cmd("w1", DOCTOR, "500.00"));
      assertThat(w1.state()).isEqualTo(WithdrawalState.REQUESTED);
      assertThat(w1.fee()).isEqualTo(Money.parse("5.00"));
      assertThat(fw.wallet(DOCTOR)).isEqualTo(20_000);
      assertThat(fw.payouts.requestWithdrawal(cmd("w1", DOCTOR, "500.00"))).isEqualTo(w1);
      assertThatThrownBy(() -> fw.payouts.requestWithdrawal(cmd("w1", DOCTOR, "400.00")))
          .isInstanceOf(IdempotencyConflictException.class);
      Withdrawal paid = fw.payouts.approveWithdrawal(w1.id(), "staff-1");
      assertThat(paid.state()).isEqualTo(WithdrawalState.PAID);
      assertThat(paid.reviewer()).isEqualTo("staff-1");
      assertThat(fw.gateway.transferredTo("acct-dr-li")).isEqualTo(Money.parse("495.00"));
      assertThat(fw.posted(fw.engine.platformAccount())).isEqualTo(platform + 500);
      assertThat(fw.wallet(DOCTOR)).isEqualTo(20_000);
      fw.assertSound();
    }

    @Test
    @DisplayName("below the minimum, over the daily cap, or below the provider's smallest transfer is refused")
    void limits() {
      fw.paidOrder("o1", "10000.00");
      fw.paidOrder("o2", "10000.00");
      assertThatThrownBy(() -> fw.payouts.requestWithdrawal(cmd("w0", DOCTOR, "9.99")))
          .isInstanceOfSatisfying(LimitExceededException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.withdrawal.below_minimum"));
      fw.payouts.requestWithdrawal(cmd("w1", DOCTOR, "600.00"));
      assertThatThrownBy(() -> fw.payouts.requestWithdrawal(cmd("w2", DOCTOR, "400.01")))
          .isInstanceOfSatisfying(LimitExceededException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.withdrawal.daily_cap"));
      fw.payouts.rejectWithdrawal(WithdrawalId.of("w1"), "staff-1", "suspicious");
      assertThat(fw.payouts.requestWithdrawal(cmd("w2", DOCTOR, "1000.00")).state())
          .isEqualTo(WithdrawalState.REQUESTED); // the rejected one no longer counts
      PayoutWorld tiny = new PayoutWorld(ProviderProfiles.wechatPay(),
          WithdrawalPolicy.ofDefaults().withMinimum(Money.ofMinor(1)));
      tiny.paidOrder("o1", "10000.00");
      assertThatThrownBy(() -> tiny.payouts.requestWithdrawal(cmd("w3", DOCTOR, "0.09")))
          .isInstanceOfSatisfying(LimitExceededException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.provider.minimum_transfer"));
      assertThatThrownBy(() -> tiny.payouts.requestWithdrawal(cmd("w4", DOCTOR, "700.01")))
          .isInstanceOfSatisfying(LimitExceededException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.payout.insufficient"));
    }

    @Test
    @DisplayName("a rejected withdrawal releases its money to the wallet and cannot be approved")
    void rejected() {
      fw.paidOrder("o1", "10000.00");
      Withdrawal w1 = fw.payouts.requestWithdrawal(cmd("w1", DOCTOR, "500.00"));
      Withdrawal r = fw.payouts.rejectWithdrawal(w1.id(), "staff-1", "kyc_missing");
      assertThat(r.state()).isEqualTo(WithdrawalState.REJECTED);
      assertThat(r.reason()).isEqualTo("kyc_missing");
      assertThat(fw.wallet(DOCTOR)).isEqualTo(70_000);
      assertThatThrownBy(() -> fw.payouts.approveWithdrawal(w1.id(), "staff-2"))
          .isInstanceOf(InvalidStateException.class);
      assertThat(fw.gateway.requestCount()).isZero();
    }

    @Test
    @DisplayName("a transfer the provider refuses fails the withdrawal and puts the money back")
    void transferFails() {
      fw.paidOrder("o1", "10000.00");
      fw.script.settle(Settlement.fail("NAME_MISMATCH"));
      fw.payouts.requestWithdrawal(cmd("w1", DOCTOR, "500.00"));
      Withdrawal w1 = fw.payouts.approveWithdrawal(WithdrawalId.of("w1"), "staff-1");
      assertThat(w1.state()).isEqualTo(WithdrawalState.FAILED);
      assertThat(w1.reason()).isEqualTo("NAME_MISMATCH");
      assertThat(fw.wallet(DOCTOR)).isEqualTo(70_000);
      fw.assertSound();
    }

    @Test
    @DisplayName("a transfer that timed out stays APPROVED until the reconciler learns it was paid")
    void transferTimeout() {
      fw.paidOrder("o1", "10000.00");
      fw.script.deliver(Delivery.LOST_AFTER_PROVIDER);
      fw.payouts.requestWithdrawal(cmd("w1", DOCTOR, "500.00"));
      Withdrawal w1 = fw.payouts.approveWithdrawal(WithdrawalId.of("w1"), "staff-1");
      assertThat(w1.state()).isEqualTo(WithdrawalState.APPROVED);
      assertThat(fw.payouts.approveWithdrawal(WithdrawalId.of("w1"), "staff-1").state())
          .isEqualTo(WithdrawalState.APPROVED);
      fw.clock.advance(Duration.ofMinutes(5));
      fw.payouts.reconciler().settleDue(10);
      assertThat(fw.payouts.withdrawal(WithdrawalId.of("w1")).orElseThrow().state()).isEqualTo(WithdrawalState.PAID);
      assertThat(fw.gateway.transferredTo("acct-dr-li")).isEqualTo(Money.parse("495.00"));
    }

    @Test
    @DisplayName("earnings over a threshold are paid out once; checking again at once finds nothing more to pay")
    void threshold() {
      fw.receiver(DOCTOR, ReceiverType.PERSONAL);
      assertThat(fw.payouts.payOutOverThreshold(DOCTOR, Money.parse("100.00"), "wechat")).isEmpty();
      fw.paidOrder("o1", "1000.00"); // 70.00
      assertThat(fw.payouts.payOutOverThreshold(DOCTOR, Money.parse("100.00"), "wechat")).isEmpty();
      fw.paidOrder("o2", "1000.00"); // 140.00
      Withdrawal w1 = fw.payouts.payOutOverThreshold(DOCTOR, Money.parse("100.00"), "wechat").orElseThrow();
      assertThat(w1.automatic()).isTrue();
      assertThat(w1.state()).isEqualTo(WithdrawalState.PAID);
      assertThat(w1.amount()).isEqualTo(Money.parse("140.00"));
      assertThat(fw.payouts.payOutOverThreshold(DOCTOR, Money.parse("100.00"), "wechat")).isEmpty();
      assertThat(fw.gateway.requestCount()).isEqualTo(1);
    }
  }

  /** Forwards every call to another gateway; tests override what they break. */
  static class DelegatingGateway implements PaymentGateway {
    private final PaymentGateway d;

    DelegatingGateway(PaymentGateway d) {
      this.d = d;
    }

    @Override
    public String provider() {
      return d.provider();
    }

    @Override
    public PaymentResult split(io.kinhealth.referral.payment.SplitInstruction instruction) {
      return d.split(instruction);
    }

    @Override
    public PaymentResult unfreeze(io.kinhealth.referral.payment.UnfreezeInstruction instruction) {
      return d.unfreeze(instruction);
    }

    @Override
    public PaymentResult returnSplit(io.kinhealth.referral.payment.ReturnInstruction instruction) {
      return d.returnSplit(instruction);
    }

    @Override
    public PaymentResult transfer(io.kinhealth.referral.payment.TransferInstruction instruction) {
      return d.transfer(instruction);
    }

    @Override
    public PaymentResult query(PaymentInstruction instruction) {
      return d.query(instruction);
    }

    @Override
    public io.kinhealth.referral.payment.NotificationCheck verify(RawNotification notification) {
      return d.verify(notification);
    }
  }
}
