package io.kinhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.attribution.BindingMode;
import io.kinhealth.referral.attribution.BindingPolicy;
import io.kinhealth.referral.attribution.ReferrerKind;
import io.kinhealth.referral.attribution.ScanCommand;
import io.kinhealth.referral.attribution.ScanOutcome;
import io.kinhealth.referral.commission.Commission;
import io.kinhealth.referral.commission.CommissionPolicy;
import io.kinhealth.referral.commission.CommissionState;
import io.kinhealth.referral.commission.Payout;
import io.kinhealth.referral.commission.PayoutId;
import io.kinhealth.referral.commission.PayoutState;
import io.kinhealth.referral.ledger.AccountBalance;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.Hold;
import io.kinhealth.referral.ledger.HoldState;
import io.kinhealth.referral.ledger.LedgerCheck;
import io.kinhealth.referral.memory.InMemoryLedgerStore;
import io.kinhealth.referral.memory.InMemoryReferralStore;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRefund;
import io.kinhealth.referral.order.OrderSettlement;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.order.RefundSettlement;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.split.OrderLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Random worlds, one per seed: scans, orders, partial refunds delivered out of order and more than once, maturing
 * commissions, payouts that complete, fail or expire, fraud, replays. After every step the books must balance and
 * agree with the records. The seed is in every failure message; rerun one with {@code -Dkinhealth.simulation.seed=N}.
 */
@DisplayName("A seeded simulation of orders, refunds, payouts and replays")
class ReferralSimulationTest {
  static final int SEEDS = Integer.getInteger("kinhealth.simulation.seeds", 1_000);
  static final Long ONLY = Long.getLong("kinhealth.simulation.seed");
  static final int STEPS = 60;
  static final RuleSetId TWO_LEVELS = RuleSetId.of("two-levels");

  @Test
  @DisplayName("keeps every invariant after every step, for 1,000 seeds")
  void simulate() {
    long first = ONLY != null ? ONLY : 0;
    long last = ONLY != null ? ONLY : SEEDS - 1;
    int[] totals = new int[4];
    for (long seed = first; seed <= last; seed++) {
      World w = new World(seed);
      w.run();
      totals[0] += w.orders;
      totals[1] += w.refunds;
      totals[2] += w.payoutsPaid;
      totals[3] += w.replays;
    }
    // The simulation must actually exercise the paths it claims to.
    if (ONLY == null) {
      assertThat(totals[0]).as("orders").isGreaterThan(SEEDS * 5);
      assertThat(totals[1]).as("refunds").isGreaterThan(SEEDS * 3);
      assertThat(totals[2]).as("payouts paid").isGreaterThan(SEEDS / 4);
      assertThat(totals[3]).as("replays").isGreaterThan(SEEDS * 3);
    }
  }

  /** One simulated world. */
  static final class World {
    final long seed;
    final Random random;
    final TestClock clock = TestClock.at("2026-11-01T00:00:00Z");
    final InMemoryReferralStore referralStore = new InMemoryReferralStore();
    final InMemoryLedgerStore ledgerStore = new InMemoryLedgerStore();
    final ReferralEngine engine;
    final int depth;
    final List<PartyId> customers = new ArrayList<>();
    final List<PartyId> sharers = new ArrayList<>();
    final Set<PartyId> earners = new LinkedHashSet<>();
    final Map<PartyId, Long> shares = new HashMap<>();
    final Map<PartyId, Long> refunded = new HashMap<>();
    final Map<PartyId, Long> paidGross = new HashMap<>();
    long moneyIn;
    long moneyOut;
    final List<Object> mailbox = new ArrayList<>();
    final List<Runnable> replayable = new ArrayList<>();
    final List<PayoutId> requested = new ArrayList<>();
    int step;
    int orders;
    int refunds;
    int payoutsPaid;
    int replays;
    int keys;

    World(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
      depth = 1 + random.nextInt(2);
      BindingMode mode = BindingMode.values()[random.nextInt(BindingMode.values().length)];
      Duration hold = Duration.ofDays(new int[] {0, 3, 7}[random.nextInt(3)]);
      CommissionPolicy commissions = CommissionPolicy.ofDefaults().withHoldPeriod(hold)
          .withMinimumPayout(Money.ofMinor(1 + random.nextInt(500)))
          .withFee(BasisPoints.of(random.nextInt(100)), Money.ofMinor(random.nextInt(50)));
      engine = ReferralEngine.builder().clock(clock).referralStore(referralStore).ledgerStore(ledgerStore)
          .referralDepth(depth).binding(BindingPolicy.ofDefaults().withMode(mode)
              .withVelocity(3 + random.nextInt(5), Duration.ofDays(1)))
          .commissions(commissions).build();
      engine.rules().publish(Seeds.beauty());
      engine.rules().publish(Seeds.paidQa());
      engine.rules().publish(Seeds.crowd());
      if (depth == 2) {
        engine.rules().publish(RevenueShareRuleSet.builder(TWO_LEVELS, 1).effectiveFrom(Seeds.EPOCH)
            .rule(RevenueShareRule.named("unlock").categories(RevenueCategory.CONTENT)
                .share(PartyRole.REFERRER_L1, BasisPoints.of(1000)).share(PartyRole.REFERRER_L2, BasisPoints.of(500))
                .rest(PartyRole.ANSWERER).build())
            .build());
      }
      for (int i = 0; i < 4; i++) {
        customers.add(PartyId.of("patient-" + i));
        sharers.add(PartyId.of("sharer-" + i));
      }
      if (random.nextBoolean()) {
        engine.attribution().registerReferrer(sharers.get(0), ReferrerKind.MEDICAL_STAFF);
      }
    }

    String at() {
      return "seed " + seed + " step " + step;
    }

    void run() {
      check();
      for (step = 0; step < STEPS; step++) {
        int dice = random.nextInt(100);
        if (dice < 15) {
          scan();
        } else if (dice < 40) {
          newOrder();
        } else if (dice < 60) {
          deliver();
        } else if (dice < 70) {
          advance();
        } else if (dice < 79) {
          startPayout();
        } else if (dice < 86) {
          settlePayout();
        } else if (dice < 87) {
          fraud();
        } else if (dice < 88) {
          clock.advance(Duration.ofHours(random.nextInt(48)));
          engine.ledger().expireHolds(1_000);
        } else {
          replay();
        }
        check();
      }
      // Drain: every message arrives eventually, every hold matures, every payout settles.
      while (!mailbox.isEmpty()) {
        deliver();
        check();
      }
      clock.advance(Duration.ofDays(30));
      engine.commissions().releaseDue(10_000);
      check();
    }

    // --- actions -------------------------------------------------------------------------------------------------

    void scan() {
      List<PartyId> everyone = new ArrayList<>(sharers);
      everyone.addAll(customers);
      PartyId referrer = everyone.get(random.nextInt(everyone.size()));
      PartyId referee = customers.get(random.nextInt(customers.size()));
      String token = engine.attribution().issueToken(referrer, random.nextInt(10), Duration.ofDays(3)).value();
      ScanCommand cmd = ScanCommand.of(IdempotencyKey.of("scan-" + seed + "-" + ++keys), token, referee);
      try {
        ScanOutcome outcome = engine.attribution().scan(cmd);
        replayable.add(() -> assertThat(engine.attribution().scan(cmd)).as(at()).isEqualTo(outcome));
      } catch (ForbiddenException refused) {
        assertThat(refused.reason()).as(at()).isIn("referral.binding.self_referral", "referral.binding.cycle");
      }
    }

    void newOrder() {
      PartyId customer = customers.get(random.nextInt(customers.size()));
      OrderId id = OrderId.of("o-" + seed + "-" + step);
      int kind = random.nextInt(depth == 2 ? 4 : 3);
      List<OrderLine> lines = new ArrayList<>();
      Map<PartyRole, PartyId> parties = new HashMap<>();
      RuleSetId ruleSet;
      switch (kind) {
        case 0 -> {
          ruleSet = Seeds.BEAUTY;
          RevenueCategory[] cats = {RevenueCategory.SERVICE, RevenueCategory.CONSUMABLE, RevenueCategory.DRUG,
              RevenueCategory.EXAM};
          int n = 1 + random.nextInt(5);
          for (int i = 0; i < n; i++) {
            lines.add(OrderLine.of("l" + i, cats[random.nextInt(cats.length)], amount()));
          }
          parties.put(PartyRole.CHANNEL, PartyId.of("channel-" + random.nextInt(2)));
          parties.put(PartyRole.AGENT, PartyId.of("agent-" + random.nextInt(2)));
          parties.put(PartyRole.SUPPLIER, PartyId.of("supplier"));
          parties.put(PartyRole.DOCTOR, PartyId.of("doctor-" + random.nextInt(2)));
          parties.put(PartyRole.CLINIC, PartyId.of("clinic"));
        }
        case 1 -> {
          ruleSet = Seeds.PAID_QA;
          lines.add(random.nextBoolean() ? OrderLine.of("unlock", RevenueCategory.CONTENT, Money.ofYuan(1))
              : OrderLine.of("bounty", RevenueCategory.CONSULTATION, Money.ofMinor(500 + random.nextInt(5_000))));
          parties.put(PartyRole.ANSWERER, PartyId.of("answerer-" + random.nextInt(2)));
        }
        case 2 -> {
          ruleSet = Seeds.CROWD;
          lines.add(new OrderLine("answers", RevenueCategory.CONSULTATION, amount(), 1 + random.nextInt(3)));
          parties.put(PartyRole.STAFF, PartyId.of("nurse-" + random.nextInt(2)));
          parties.put(PartyRole.CLINIC, PartyId.of("clinic"));
        }
        default -> {
          ruleSet = TWO_LEVELS;
          lines.add(OrderLine.of("unlock", RevenueCategory.CONTENT, Money.ofMinor(1 + random.nextInt(1_000))));
          parties.put(PartyRole.ANSWERER, PartyId.of("answerer-" + random.nextInt(2)));
        }
      }
      PaidOrder order = new PaidOrder(id, customer, ruleSet, clock.instant(), random.nextInt(4) == 0 ? "alipay"
          : "wechat", lines, parties);
      mailbox.add(order);
      long total = lines.stream().mapToLong(l -> l.amount().minor()).sum();
      // Refunds that will arrive later, in any order, possibly before the order itself.
      long left = total;
      int refundsPlanned = random.nextInt(4);
      for (int r = 0; r < refundsPlanned && left > 0; r++) {
        long amount = r == refundsPlanned - 1 && random.nextBoolean() ? left : 1 + (long) (random.nextDouble() * left);
        left -= amount;
        mailbox.add(OrderRefund.ofTotal(RefundId.of(id.value() + "-r" + r), id, clock.instant(),
            Money.ofMinor(amount)));
      }
    }

    Money amount() {
      return Money.ofMinor(random.nextBoolean() ? 1 + random.nextInt(500) : 1 + random.nextInt(5_000_000));
    }

    void deliver() {
      if (mailbox.isEmpty()) {
        newOrder();
        return;
      }
      // Mostly the oldest message, sometimes any: messages arrive out of order.
      int i = random.nextInt(3) == 0 ? random.nextInt(mailbox.size()) : 0;
      Object message = mailbox.remove(i);
      if (message instanceof PaidOrder order) {
        OrderSettlement s = engine.recordPaidOrder(order);
        orders++;
        moneyIn += s.total().minor();
        s.allocations().forEach(a -> {
          if (a.party() != null && !a.role().equals(PartyRole.PLATFORM) && a.amount().isPositive()) {
            shares.merge(a.party(), a.amount().minor(), Long::sum);
            earners.add(a.party());
          }
        });
        if (random.nextInt(3) == 0) {
          replayable.add(() -> assertThat(engine.recordPaidOrder(order)).as(at()).isEqualTo(s));
        }
      } else {
        OrderRefund refund = (OrderRefund) message;
        try {
          RefundSettlement s = engine.recordRefund(refund);
          refunds++;
          moneyOut += s.total().minor();
          s.shares().forEach(share -> {
            if (!share.role().equals(PartyRole.PLATFORM)) {
              refunded.merge(share.party(), share.amount().minor(), Long::sum);
            }
          });
          if (random.nextInt(3) == 0) {
            replayable.add(() -> assertThat(engine.recordRefund(refund)).as(at()).isEqualTo(s));
          }
        } catch (LimitExceededException noFunds) {
          // The order's money was paid out meanwhile: the platform tops the provider up, and the refund is retried.
          assertThat(noFunds.reason()).as(at()).isEqualTo("referral.refund.provider_funds");
          OrderSettlement paid = engine.order(refund.order()).orElseThrow().settlement();
          String provider = engine.order(refund.order()).orElseThrow().command().provider();
          assertThat(paid).isNotNull();
          engine.topUpProvider(provider, refund.total(), "topup-" + refund.id().value() + "-" + step);
          moneyIn += refund.total().minor();
          mailbox.add(0, refund);
        } catch (NotFoundException early) {
          assertThat(early.reason()).as(at()).isEqualTo("referral.order.not_found");
          assertThat(engine.order(refund.order())).as(at()).isEmpty();
          mailbox.add(refund); // the order has not arrived yet: try again later
        }
      }
    }

    void advance() {
      clock.advance(Duration.ofHours(1 + random.nextInt(24 * 5)));
      engine.commissions().releaseDue(1 + random.nextInt(50));
    }

    void startPayout() {
      if (earners.isEmpty()) {
        return;
      }
      List<PartyId> list = new ArrayList<>(earners);
      PartyId party = list.get(random.nextInt(list.size()));
      for (int tries = 0; tries < 3 && !engine.commissions().balanceOf(party).available().isPositive(); tries++) {
        party = list.get(random.nextInt(list.size()));
      }
      PayoutId id = PayoutId.of("p-" + seed + "-" + step);
      String provider = random.nextInt(4) == 0 ? "alipay" : "wechat";
      Instant expiry = random.nextBoolean() ? clock.instant().plus(Duration.ofDays(1)) : null;
      var balance = engine.commissions().balanceOf(party);
      try {
        PartyId who = party;
        Payout p = engine.commissions().startPayout(id, who, provider, expiry);
        assertThat(balance.isDebtFree()).as(at()).isTrue();
        assertThat(p.gross()).as(at()).isEqualTo(balance.available());
        requested.add(id);
        replayable.add(() -> assertThat(engine.commissions().startPayout(id, who, provider, expiry)).as(at())
            .isEqualTo(engine.commissions().payout(id).orElseThrow()));
      } catch (InvalidStateException debt) {
        assertThat(debt.reason()).as(at()).isEqualTo("referral.payout.debt_open");
        assertThat(balance.debt().isPositive()).as(at()).isTrue();
      } catch (LimitExceededException small) {
        if (small.reason().equals("referral.payout.provider_funds")) {
          AccountBalance at = balance(AccountId.provider(provider));
          assertThat(at == null ? 0 : at.availableMinor()).as(at()).isLessThan(balance.available().minor());
          return;
        }
        assertThat(small.reason()).as(at()).isEqualTo("referral.payout.below_minimum");
        Money min = engine.commissions().policy().minimumPayout();
        Money fee = engine.commissions().policy().feeFor(balance.available());
        assertThat(balance.available().isLessThan(min) || !balance.available().minus(fee).isPositive())
            .as(at()).isTrue();
      }
    }

    void settlePayout() {
      if (requested.isEmpty()) {
        return;
      }
      PayoutId id = requested.remove(random.nextInt(requested.size()));
      Payout before = engine.commissions().payout(id).orElseThrow();
      if (random.nextInt(3) > 0) {
        try {
          Payout paid = engine.commissions().completePayout(id);
          payoutsPaid++;
          paidGross.merge(paid.party(), paid.gross().minor(), Long::sum);
          moneyOut += paid.net().minor();
          return;
        } catch (InvalidStateException expired) {
          assertThat(expired.reason()).as(at()).isIn("referral.payout.expired", "ledger.hold.expired");
          assertThat(before.expiresAt()).as(at()).isNotNull();
        }
      }
      assertThat(engine.commissions().failPayout(id).state()).as(at()).isEqualTo(PayoutState.FAILED);
    }

    void fraud() {
      if (earners.isEmpty()) {
        return;
      }
      List<PartyId> list = new ArrayList<>(earners);
      List<Commission> all = commissionsOf(list.get(random.nextInt(list.size())));
      if (all.isEmpty()) {
        return;
      }
      Commission c = all.get(random.nextInt(all.size()));
      try {
        assertThat(engine.commissions().markFraud(c.id()).state()).as(at()).isEqualTo(CommissionState.FRAUD);
      } catch (InvalidStateException fin) {
        assertThat(c.state().isFinal()).as(at()).isTrue();
      }
    }

    void replay() {
      if (replayable.isEmpty()) {
        return;
      }
      List<Object> before = snapshot();
      replayable.get(random.nextInt(replayable.size())).run();
      replays++;
      assertThat(snapshot()).as(at() + ": a replay changed state").isEqualTo(before);
    }

    // --- invariants ----------------------------------------------------------------------------------------------

    List<Object> snapshot() {
      List<Object> out = new ArrayList<>();
      Pages.all(ledgerStore::balances, 50).forEach(out::add);
      for (PartyId p : earners) {
        out.addAll(commissionsOf(p));
      }
      return out;
    }

    List<Commission> commissionsOf(PartyId party) {
      List<Commission> out = new ArrayList<>();
      for (CommissionState s : CommissionState.values()) {
        out.addAll(Pages.all(page -> engine.commissions().of(party, s, page), 50));
      }
      return out;
    }

    AccountBalance balance(AccountId id) {
      return ledgerStore.findBalance(id).orElse(null);
    }

    void check() {
      LedgerCheck check = engine.ledger().check();
      assertThat(check.isSound()).as("%s: %s", at(), check).isTrue();
      AccountBalance clearing = balance(engine.clearingAccount());
      if (clearing != null) {
        assertThat(clearing.availableMinor()).as(at() + ": unallocated money in clearing").isZero();
      }
      long atProviders = 0;
      for (String provider : new String[] {"wechat", "alipay"}) {
        AccountBalance b = balance(AccountId.provider(provider));
        atProviders += b == null ? 0 : b.postedMinor();
      }
      assertThat(atProviders).as(at() + ": money at providers").isEqualTo(moneyIn - moneyOut);
      for (PartyId p : earners) {
        List<Commission> all = commissionsOf(p);
        long owed = 0;
        long kept = 0;
        for (Commission c : all) {
          owed += c.remaining().minor();
          if (c.state() != CommissionState.FRAUD) {
            kept += c.remaining().minor();
          }
          if (c.state() == CommissionState.PENDING) {
            Hold h = engine.ledger().hold(c.hold()).orElseThrow();
            assertThat(h.state()).as(at()).isEqualTo(HoldState.PENDING);
            assertThat(h.amount()).as(at()).isEqualTo(c.remaining());
          } else {
            assertThat(c.hold()).as(at()).isNull();
          }
          if (c.state() == CommissionState.CANCELLED || c.state() == CommissionState.REVERSED) {
            assertThat(c.remaining().isZero()).as(at()).isTrue();
          }
        }
        long expected = shares.getOrDefault(p, 0L) - refunded.getOrDefault(p, 0L);
        assertThat(owed).as(at() + ": commissions of " + p + " vs shares minus refunds").isEqualTo(expected);
        AccountBalance earnings = balance(AccountId.earnings(p));
        AccountBalance debt = balance(AccountId.debt(p));
        long position = (earnings == null ? 0 : earnings.creditsPending() + earnings.netMinor())
            - (debt == null ? 0 : debt.postedMinor()) + paidGross.getOrDefault(p, 0L);
        assertThat(position).as(at() + ": ledger position of " + p).isEqualTo(kept);
        if (debt != null) {
          assertThat(debt.postedMinor()).as(at()).isNotNegative();
        }
      }
    }
  }

}
