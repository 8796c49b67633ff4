package io.kinhealth.testkit.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.Payouts;
import io.kinhealth.referral.ReferralEngine;
import io.kinhealth.referral.commission.CommissionPolicy;
import io.kinhealth.referral.ledger.AccountBalance;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.memory.InMemoryPaymentGateway;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRefund;
import io.kinhealth.referral.order.OrderSettlement;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.order.RefundSettlement;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.payment.NotificationOutcome;
import io.kinhealth.referral.payment.PaymentInstruction;
import io.kinhealth.referral.payment.PaymentKind;
import io.kinhealth.referral.payment.PaymentRequest;
import io.kinhealth.referral.payment.PaymentResult;
import io.kinhealth.referral.payment.PaymentStatus;
import io.kinhealth.referral.payment.PayoutDestination;
import io.kinhealth.referral.payment.ProviderProfile;
import io.kinhealth.referral.payment.ProviderProfiles;
import io.kinhealth.referral.payment.RawNotification;
import io.kinhealth.referral.payment.ReceiverAccount;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.payment.ReturnInstruction;
import io.kinhealth.referral.payment.SplitInstruction;
import io.kinhealth.referral.payment.SplitReceiver;
import io.kinhealth.referral.payment.TransferInstruction;
import io.kinhealth.referral.payment.Withdrawal;
import io.kinhealth.referral.payment.WithdrawalCommand;
import io.kinhealth.referral.payment.WithdrawalId;
import io.kinhealth.referral.payment.WithdrawalPolicy;
import io.kinhealth.referral.payment.WithdrawalState;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.rule.ShareKind;
import io.kinhealth.referral.split.Allocation;
import io.kinhealth.referral.spi.PaymentGateway;
import io.kinhealth.referral.split.OrderLine;
import io.kinhealth.testkit.MutableClock;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Random worlds over a provider that loses calls, answers late, fails some receivers and delivers notifications
 * duplicated, reordered and stale, reached through an adapter that sometimes throws a socket timeout before or after
 * the provider acted: paid orders, splits, unfreezes, refunds with returns, withdrawals approved and
 * rejected, threshold payouts, reconciler passes, replays and forged notifications. After every step: the ledger
 * balances, every party's money adds up (earned = in its wallet + paid by the provider − owed), no order is split
 * beyond its cap or beyond what it owes a party, and the provider never refused a request for breaking its own limits.
 * At the end, every request settles with exactly the provider's final answer (a timeout never becomes FAILED) and the
 * ledger agrees with what the provider actually moved. A failure names its seed;
 * rerun it alone with {@code -Dkinhealth.simulation.seed=N}.
 */
@DisplayName("A seeded simulation of payouts through a faulty provider")
class PayoutSimulationTest {
  static final int SEEDS = Integer.getInteger("kinhealth.simulation.seeds", 1_000);
  static final Long ONLY = Long.getLong("kinhealth.simulation.seed");
  static final int STEPS = 40;
  static final RuleSetId RULES = RuleSetId.of("clinic");
  static final Set<String> PROVIDER_REFUSALS = Set.of(InMemoryPaymentGateway.RECEIVERS_EXCEEDED,
      InMemoryPaymentGateway.SPLITS_EXCEEDED, InMemoryPaymentGateway.RATIO_EXCEEDED,
      InMemoryPaymentGateway.ORDER_FINISHED, InMemoryPaymentGateway.RETURN_NOT_ALLOWED,
      InMemoryPaymentGateway.AMOUNT_TOO_SMALL);

  @Test
  @DisplayName("keeps every order consistent with the ledger and settles every UNKNOWN, for 1,000 seeds")
  void simulate() {
    long first = ONLY != null ? ONLY : 0;
    long last = ONLY != null ? ONLY : SEEDS - 1;
    long[] totals = new long[9];
    for (long seed = first; seed <= last; seed++) {
      World w;
      try {
        w = new World(seed);
        w.run();
      } catch (AssertionError | RuntimeException e) {
        // Whatever broke, name the seed so the world can be replayed alone.
        throw new AssertionError("payout simulation failed at seed " + seed + "; rerun it with "
            + "-Dkinhealth.simulation.seed=" + seed + ": " + e.getMessage(), e);
      }
      totals[0] += w.orders;
      totals[1] += w.splitRequests;
      totals[2] += w.unknownsSettled;
      totals[3] += w.returnsSucceeded;
      totals[4] += w.withdrawalsPaid;
      totals[5] += w.notificationsApplied;
      totals[6] += w.duplicatesIgnored;
      totals[7] += w.recoveredOnLedger;
      totals[8] += w.timeouts.thrown;
    }
    System.out.printf("payout simulation, %d seeds: %d orders, %d split requests, %d requests UNKNOWN or PENDING "
        + "when sent, all settled, %d returns, %d withdrawals paid, %d notifications applied, %d duplicate or "
        + "stale ignored, %d refunds left as ledger debt, %d gateway calls thrown as socket timeouts%n",
        last - first + 1, totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6], totals[7],
        totals[8]);
    if (ONLY == null) {
      // The simulation must exercise the paths it claims to.
      assertThat(totals[1]).as("split requests").isGreaterThan(SEEDS * 2L);
      assertThat(totals[2]).as("unknowns settled").isGreaterThan(SEEDS / 2);
      assertThat(totals[3]).as("returns").isGreaterThan(SEEDS / 5);
      assertThat(totals[4]).as("withdrawals paid").isGreaterThan(SEEDS / 2);
      assertThat(totals[6]).as("duplicates ignored").isGreaterThan(SEEDS);
      assertThat(totals[7]).as("debts left on the ledger").isGreaterThan(SEEDS / 10);
      assertThat(totals[8]).as("gateway calls that threw").isGreaterThan(SEEDS / 4);
    }
  }

  /**
   * A host adapter whose HTTP client sometimes throws a socket timeout, before the request leaves or after the
   * provider acted: the SDK must treat both as UNKNOWN and settle them by querying.
   */
  static final class TimingOut extends ForwardingPaymentGateway {
    final Random random;
    final double p;
    int thrown;

    TimingOut(PaymentGateway provider, Random random, double p) {
      super(provider);
      this.random = random;
      this.p = p;
    }

    @Override
    protected synchronized PaymentResult call(PaymentInstruction instruction, Supplier<PaymentResult> toProvider) {
      double d = random.nextDouble();
      if (d < p) {
        thrown++;
        throw new UncheckedIOException(new SocketTimeoutException("connect timed out"));
      }
      PaymentResult answer = toProvider.get();
      if (d < 2 * p) {
        thrown++;
        throw new UncheckedIOException(new SocketTimeoutException("read timed out"));
      }
      return answer;
    }
  }

  /** One simulated world. */
  static final class World {
    final long seed;
    final Random random;
    final MutableClock clock = MutableClock.at(Instant.parse("2026-11-02T02:00:00Z"));
    final ProviderProfile profile;
    final FakePaymentGateway gateway;
    final TimingOut timeouts;
    final ReferralEngine engine;
    final Payouts payouts;
    final List<PartyId> parties = new ArrayList<>();
    final Map<PartyRole, PartyId> roles = new LinkedHashMap<>();
    final Map<PartyId, Long> earned = new HashMap<>();
    final Map<OrderId, OrderSettlement> orders_ = new LinkedHashMap<>();
    final Map<OrderId, Long> refundedOf = new HashMap<>();
    final List<RefundId> refunds = new ArrayList<>();
    final List<WithdrawalId> withdrawals = new ArrayList<>();
    final List<RawNotification> delivered = new ArrayList<>();
    final Set<io.kinhealth.referral.payment.RequestKey> unsettledAtSend = new LinkedHashSet<>();
    int step;
    int keys;
    int orders;
    int splitRequests;
    int unknownsSettled;
    int returnsSucceeded;
    int withdrawalsPaid;
    int notificationsApplied;
    int duplicatesIgnored;
    int recoveredOnLedger;

    World(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
      List<ProviderProfile> profiles = List.of(ProviderProfiles.wechatPay(), ProviderProfiles.alipaySync(),
          ProviderProfiles.alipayAsync());
      ProviderProfile p = profiles.get(random.nextInt(profiles.size()));
      if (random.nextInt(4) == 0) {
        p = p.withRequestLimits(1 + random.nextInt(3), 2 + random.nextInt(4));
      }
      profile = p;
      FakePaymentGateway.Faults chaos = FakePaymentGateway.Faults.chaotic();
      double scale = 0.3 + 0.7 * random.nextDouble();
      FakePaymentGateway.Faults faults = new FakePaymentGateway.Faults(chaos.lostBefore() * scale,
          chaos.lostAfter() * scale, chaos.late() * scale, chaos.maxDelay(), chaos.failed() * scale,
          chaos.partial() * scale, chaos.lostQuery() * scale, chaos.duplicate(), chaos.stale(), true);
      gateway = new FakePaymentGateway(profile, clock, seed, faults);
      timeouts = new TimingOut(gateway, new Random(~seed), 0.08 * scale);
      Duration hold = Duration.ofHours(new int[] {0, 0, 1, 24}[random.nextInt(4)]);
      engine = ReferralEngine.builder().clock(clock)
          .commissions(CommissionPolicy.ofDefaults().withHoldPeriod(hold)).build();
      engine.rules().publish(RevenueShareRuleSet.builder(RULES, 1).effectiveFrom(Instant.parse("2026-01-01T00:00:00Z"))
          .rule(RevenueShareRule.named("service").categories(RevenueCategory.SERVICE)
              .share(PartyRole.CHANNEL, BasisPoints.of(3000)).share(PartyRole.AGENT, BasisPoints.of(1000))
              .share(PartyRole.DOCTOR, BasisPoints.of(700), ShareKind.WORK_FEE).share(PartyRole.PLATFORM,
                  BasisPoints.of(1000)).rest(PartyRole.CLINIC).build())
          .rule(RevenueShareRule.named("goods")
              .share(PartyRole.SUPPLIER, BasisPoints.of(4000)).share(PartyRole.CHANNEL, BasisPoints.of(2000))
              .rest(PartyRole.CLINIC).build())
          .build());
      WithdrawalPolicy withdrawalsPolicy = WithdrawalPolicy.ofDefaults().withMinimum(Money.ofYuan(1))
          .withFee(BasisPoints.of(random.nextInt(100)), Money.ofMinor(random.nextInt(30)))
          .withDailyCap(Money.ofYuan(300 + random.nextInt(3_000)));
      payouts = Payouts.builder().engine(engine).provider(profile, timeouts).withdrawals(withdrawalsPolicy).build();
      for (PartyRole role : List.of(PartyRole.CHANNEL, PartyRole.AGENT, PartyRole.DOCTOR, PartyRole.SUPPLIER,
          PartyRole.CLINIC)) {
        PartyId party = PartyId.of(role.code().toLowerCase() + "-" + seed);
        roles.put(role, party);
        parties.add(party);
        int kind = random.nextInt(3);
        if (kind > 0) {
          payouts.registerReceiver(ReceiverAccount.of(party, profile.provider(),
              kind == 1 ? ReceiverType.MERCHANT : ReceiverType.PERSONAL, "acct-" + party.value()));
        }
      }
      // Money of the platform's own at the provider, so refunds after splits can be paid.
      engine.topUpProvider(profile.provider(), Money.ofYuan(50_000), "seed-float-" + seed);
    }

    String at() {
      return "seed " + seed + " step " + step;
    }

    void run() {
      for (step = 0; step < STEPS; step++) {
        engine.commissions().releaseDue(1_000); // the host's scheduler matures commissions all the time
        int dice = random.nextInt(100);
        try {
          if (dice < 14) {
            newOrder();
          } else if (dice < 36) {
            split();
          } else if (dice < 39) {
            unfreeze();
          } else if (dice < 48) {
            refund();
          } else if (dice < 52) {
            retryReturns();
          } else if (dice < 62) {
            withdraw();
          } else if (dice < 70) {
            review();
          } else if (dice < 73) {
            threshold();
          } else if (dice < 83) {
            deliverNotifications();
          } else if (dice < 90) {
            reconcile();
          } else if (dice < 95) {
            advance();
          } else {
            replay();
          }
        } catch (KinHealthException e) {
          expected(e);
        }
        check();
      }
      drain();
    }

    /** Refusals the SDK may rightly give in a random world; anything else fails the run. */
    void expected(KinHealthException e) {
      assertThat(e.reason()).as(at()).isIn("referral.payment.in_flight", "referral.split.unfrozen",
          "referral.provider.split_requests", "referral.provider.freeze_period", "referral.payout.debt_open",
          "referral.withdrawal.below_minimum", "referral.withdrawal.daily_cap", "referral.payout.insufficient",
          "referral.provider.minimum_transfer", "referral.withdrawal.transition", "referral.refund.exceeds_remaining",
          "referral.payout.provider_funds");
    }

    // --- actions ---------------------------------------------------------------------------------------------------

    void newOrder() {
      OrderId id = OrderId.of("o-" + seed + "-" + orders++);
      List<OrderLine> lines = new ArrayList<>();
      lines.add(OrderLine.of("l1", RevenueCategory.SERVICE, Money.ofMinor(100 + random.nextInt(400_000))));
      if (random.nextBoolean()) {
        lines.add(OrderLine.of("l2", RevenueCategory.CONSUMABLE, Money.ofMinor(100 + random.nextInt(200_000))));
      }
      OrderSettlement s = engine.recordPaidOrder(new PaidOrder(id, PartyId.of("patient-" + random.nextInt(5)),
          RULES, clock.instant(), profile.provider(), lines, Map.of(PartyRole.CHANNEL, roles.get(PartyRole.CHANNEL),
              PartyRole.AGENT, roles.get(PartyRole.AGENT), PartyRole.DOCTOR, roles.get(PartyRole.DOCTOR),
              PartyRole.SUPPLIER, roles.get(PartyRole.SUPPLIER), PartyRole.CLINIC, roles.get(PartyRole.CLINIC))));
      orders_.put(id, s);
      for (Allocation a : s.allocations()) {
        if (!a.role().equals(PartyRole.PLATFORM) && a.party() != null) {
          earned.merge(a.party(), a.amount().minor(), Long::sum);
        }
      }
      gateway.inner().registerPayment(tx(id), s.total());
      if (random.nextBoolean()) {
        // A host that splits as soon as the commissions mature (at once when there is no hold period).
        engine.commissions().releaseDue(1_000);
        try {
          List<PaymentRequest> made = payouts.split(id, tx(id)).requests();
          splitRequests += made.size();
          sent(made);
        } catch (KinHealthException e) {
          expected(e);
        }
      }
    }

    static String tx(OrderId order) {
      return "tx-" + order.value();
    }

    OrderId anyOrder() {
      List<OrderId> ids = new ArrayList<>(orders_.keySet());
      return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
    }

    void split() {
      // Hosts split an order soon after it matures: mostly the latest order, sometimes any.
      OrderId o = random.nextBoolean() || orders_.isEmpty() ? anyOrder()
          : new ArrayList<>(orders_.keySet()).get(orders_.size() - 1);
      if (o != null) {
        List<PaymentRequest> made = payouts.split(o, tx(o)).requests();
        splitRequests += made.size();
        sent(made);
      }
    }

    void unfreeze() {
      OrderId o = anyOrder();
      if (o != null && random.nextInt(3) == 0) {
        sent(List.of(payouts.unfreeze(o, tx(o))));
      }
    }

    void refund() {
      OrderId o = anyOrder();
      if (o == null) {
        return;
      }
      long left = orders_.get(o).total().minor() - refundedOf.getOrDefault(o, 0L);
      if (left <= 0) {
        return;
      }
      long amount = random.nextInt(3) == 0 ? left : 1 + (long) (random.nextDouble() * left);
      RefundId id = RefundId.of(o.value() + "-r" + keys++);
      RefundSettlement s = engine.recordRefund(OrderRefund.ofTotal(id, o, clock.instant(), Money.ofMinor(amount)));
      refundedOf.merge(o, amount, Long::sum);
      s.byParty().forEach((party, m) -> earned.merge(party, -m.minor(), Long::sum));
      refunds.add(id);
      io.kinhealth.referral.payment.ReturnOutcome out = payouts.returnsFor(id);
      recoveredOnLedger += out.onLedger().size();
      sent(out.returns());
    }

    void retryReturns() {
      if (!refunds.isEmpty()) {
        sent(payouts.returnsFor(refunds.get(random.nextInt(refunds.size()))).returns());
      }
    }

    /** Notes the requests the provider did not settle at once: each must settle later. */
    void sent(List<PaymentRequest> requests) {
      for (PaymentRequest r : requests) {
        if (!r.isFinal()) {
          unsettledAtSend.add(r.key());
        }
      }
    }

    void withdraw() {
      PartyId party = parties.get(random.nextInt(parties.size()));
      long wallet = engine.commissions().balanceOf(party).available().minor();
      if (wallet < 100) {
        return;
      }
      WithdrawalId id = WithdrawalId.of("w-" + seed + "-" + keys++);
      long amount = 100 + (long) (random.nextDouble() * (wallet - 100));
      payouts.requestWithdrawal(new WithdrawalCommand(id, party, Money.ofMinor(amount), profile.provider(),
          random.nextBoolean() ? PayoutDestination.wallet("acct-" + party.value())
              : PayoutDestination.bankCard("card-" + party.value())));
      withdrawals.add(id);
    }

    void review() {
      for (WithdrawalId id : withdrawals) {
        Withdrawal w = payouts.withdrawal(id).orElseThrow();
        if (w.state() == WithdrawalState.REQUESTED) {
          if (random.nextInt(4) == 0) {
            payouts.rejectWithdrawal(id, "staff-1", "declined");
          } else {
            Withdrawal approved = payouts.approveWithdrawal(id, "staff-1");
            sent(List.of(payouts.request(approved.transfer()).orElseThrow()));
          }
          return;
        }
      }
    }

    void threshold() {
      PartyId party = parties.get(random.nextInt(parties.size()));
      payouts.payOutOverThreshold(party, Money.ofYuan(20), profile.provider()).ifPresent(w -> {
        withdrawals.add(w.id());
        sent(List.of(payouts.request(w.transfer()).orElseThrow()));
      });
    }

    void deliverNotifications() {
      for (RawNotification n : gateway.deliverNotifications()) {
        delivered.add(n);
        count(payouts.handleNotification(n));
      }
    }

    void count(NotificationOutcome outcome) {
      assertThat(outcome).as(at()).isNotIn(NotificationOutcome.REJECTED, NotificationOutcome.CONFLICT,
          NotificationOutcome.UNKNOWN_REQUEST);
      if (outcome == NotificationOutcome.APPLIED) {
        notificationsApplied++;
      } else {
        duplicatesIgnored++;
      }
    }

    void reconcile() {
      payouts.reconciler().settleDue(1_000);
    }

    void advance() {
      clock.advance(Duration.ofMinutes(1 + random.nextInt(60 * 30)));
      engine.commissions().releaseDue(1_000);
    }

    void replay() {
      if (!delivered.isEmpty()) {
        count(payouts.handleNotification(delivered.get(random.nextInt(delivered.size()))));
        RawNotification n = delivered.get(random.nextInt(delivered.size()));
        RawNotification forged = new RawNotification(n.provider(), n.headers(), n.body().replace("FAILED",
            "SUCCEEDED") + ";");
        assertThat(payouts.handleNotification(forged)).as(at()).isEqualTo(NotificationOutcome.REJECTED);
      }
      OrderId o = anyOrder();
      if (o != null) {
        payouts.split(o, tx(o)); // nothing in flight: plans only what is left; in flight: refused
      }
    }

    /** Every message arrives, every hold matures, every unknown settles. */
    void drain() {
      step = STEPS;
      for (int round = 0; round < 80 && !allFinal(); round++) {
        clock.advance(Duration.ofHours(6));
        deliverNotifications();
        reconcile();
        check();
      }
      assertThat(allFinal()).as("%s: every UNKNOWN and PENDING request settles", at()).isTrue();
      for (io.kinhealth.referral.payment.RequestKey key : unsettledAtSend) {
        assertThat(payouts.request(key).orElseThrow().isFinal()).as("%s: %s settled", at(), key).isTrue();
      }
      unknownsSettled = unsettledAtSend.size();
      deliverNotifications();
      clock.advance(Duration.ofDays(30));
      engine.commissions().releaseDue(10_000);
      check();
      agreeWithProvider();
    }

    // --- invariants ------------------------------------------------------------------------------------------------

    List<PaymentRequest> requests() {
      Set<PaymentRequest> all = new LinkedHashSet<>();
      for (OrderId o : orders_.keySet()) {
        all.addAll(payouts.requestsOf(o));
      }
      for (WithdrawalId id : withdrawals) {
        Withdrawal w = payouts.withdrawal(id).orElseThrow();
        if (w.transfer() != null) {
          all.add(payouts.request(w.transfer()).orElseThrow());
        }
      }
      return new ArrayList<>(all);
    }

    boolean allFinal() {
      for (PaymentRequest r : requests()) {
        if (!r.isFinal()) {
          return false;
        }
      }
      return true;
    }

    void check() {
      assertThat(engine.ledger().check().isSound()).as("%s: ledger sound", at()).isTrue();
      List<PaymentRequest> requests = requests();
      Map<PartyId, Long> paidOut = new HashMap<>();
      Map<OrderId, Long> splitOf = new HashMap<>();
      Map<OrderId, Map<PartyId, Long>> splitTo = new HashMap<>();
      for (PaymentRequest r : requests) {
        assertThat(r.errorCode() == null || !PROVIDER_REFUSALS.contains(r.errorCode()))
            .as("%s: the provider refused %s with %s", at(), r.key(), r.errorCode()).isTrue();
        assertThat(r.isFinal() || r.nextCheckAt() != null).as("%s: %s is scheduled", at(), r.key()).isTrue();
        if (r.instruction() instanceof SplitInstruction s) {
          for (int i = 0; i < s.receivers().size(); i++) {
            SplitReceiver rec = s.receivers().get(i);
            PaymentStatus st = r.receivers().get(i);
            if (st == PaymentStatus.SUCCEEDED) {
              paidOut.merge(rec.party(), rec.amount().minor(), Long::sum);
            }
            if (st != PaymentStatus.FAILED) {
              splitOf.merge(r.order(), rec.amount().minor(), Long::sum);
              splitTo.computeIfAbsent(r.order(), k -> new HashMap<>()).merge(rec.party(), rec.amount().minor(),
                  Long::sum);
            }
          }
        } else if (r.instruction() instanceof ReturnInstruction ret && r.status() == PaymentStatus.SUCCEEDED) {
          paidOut.merge(ret.party(), -ret.amount().minor(), Long::sum);
        }
      }
      for (WithdrawalId id : withdrawals) {
        Withdrawal w = payouts.withdrawal(id).orElseThrow();
        if (w.state() == WithdrawalState.PAID) {
          paidOut.merge(w.party(), w.amount().minor(), Long::sum);
        }
      }
      for (PartyId party : parties) {
        AccountBalance wallet = balance(AccountId.earnings(party));
        long debt = balance(AccountId.debt(party)).postedMinor();
        long held = wallet.postedMinor() + wallet.pendingMinor();
        assertThat(held + paidOut.getOrDefault(party, 0L) - debt).as("%s: %s's money adds up", at(), party)
            .isEqualTo(earned.getOrDefault(party, 0L));
        assertThat(wallet.availableMinor()).as("%s: %s's wallet", at(), party).isNotNegative();
      }
      for (Map.Entry<OrderId, OrderSettlement> e : orders_.entrySet()) {
        long split = splitOf.getOrDefault(e.getKey(), 0L);
        assertThat(split).as("%s: order %s within the cap", at(), e.getKey())
            .isLessThanOrEqualTo(profile.splitCapMinor(e.getValue().total().minor()));
        Map<PartyId, Money> owed = e.getValue().totalsByParty();
        splitTo.getOrDefault(e.getKey(), Map.of()).forEach((party, amount) -> assertThat(amount)
            .as("%s: order %s never splits %s more than its share", at(), e.getKey(), party)
            .isLessThanOrEqualTo(owed.get(party).minor()));
      }
    }

    AccountBalance balance(AccountId id) {
      return engine.ledger().account(id).map(a -> engine.ledger().balance(id))
          .orElse(AccountBalance.empty(io.kinhealth.referral.ledger.LedgerAccount.of(id)));
    }

    /** What the provider actually moved equals what the ledger says it moved: nothing twice, nothing lost. */
    void agreeWithProvider() {
      Map<String, Long> split = new HashMap<>();
      Map<String, Long> transferred = new HashMap<>();
      for (PaymentRequest r : requests()) {
        // Exactly: a request is FAILED only when the provider failed it, never because an answer timed out.
        assertThat(gateway.inner().answerFor(r.key()).status()).as("%s: the provider agrees on %s", at(), r.key())
            .isEqualTo(r.status());
        if (r.instruction() instanceof SplitInstruction s) {
          for (int i = 0; i < s.receivers().size(); i++) {
            if (r.receivers().get(i) == PaymentStatus.SUCCEEDED) {
              split.merge(s.receivers().get(i).account(), s.receivers().get(i).amount().minor(), Long::sum);
            }
          }
        } else if (r.instruction() instanceof ReturnInstruction ret && r.status() == PaymentStatus.SUCCEEDED) {
          split.merge(ret.account(), -ret.amount().minor(), Long::sum);
          returnsSucceeded++;
        } else if (r.kind() == PaymentKind.TRANSFER && r.status() == PaymentStatus.SUCCEEDED) {
          withdrawalsPaid++;
          transferred.merge(((TransferInstruction) r.instruction()).destination()
              .account(), r.instruction().amount().minor(), Long::sum);
        }
      }
      for (PartyId party : parties) {
        for (String account : List.of("acct-" + party.value(), "card-" + party.value())) {
          assertThat(gateway.inner().splitNetTo(account).minor()).as("%s: split to %s", at(), account)
              .isEqualTo(split.getOrDefault(account, 0L));
          assertThat(gateway.inner().transferredTo(account).minor()).as("%s: transferred to %s", at(), account)
              .isEqualTo(transferred.getOrDefault(account, 0L));
        }
      }
      assertThat(gateway.inner().requestCount()).as("%s: the provider saw only our keys", at())
          .isLessThanOrEqualTo(requests().size());
      for (PaymentRequest r : requests()) {
        if (r.checks() > 0 && !r.isFinal()) {
          throw new AssertionError(at() + ": " + r.key() + " never settled");
        }
      }
    }
  }
}
