package io.kinhealth.benchmarks.referral;

import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.Payouts;
import io.kinhealth.referral.ReferralEngine;
import io.kinhealth.referral.commission.CommissionPolicy;
import io.kinhealth.referral.memory.InMemoryPaymentGateway;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.payment.KeyFormat;
import io.kinhealth.referral.payment.NotificationOutcome;
import io.kinhealth.referral.payment.PaymentKind;
import io.kinhealth.referral.payment.ProviderPlanner;
import io.kinhealth.referral.payment.ProviderProfile;
import io.kinhealth.referral.payment.ProviderProfiles;
import io.kinhealth.referral.payment.ProviderSplitPlan;
import io.kinhealth.referral.payment.RawNotification;
import io.kinhealth.referral.payment.ReceiverAccount;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.payment.RequestKey;
import io.kinhealth.referral.payment.SplitCandidate;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.rule.ShareKind;
import io.kinhealth.referral.split.OrderLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The payout paths a platform runs often, one thread: planning an order's split within WeChat Pay's limits (six
 * parties, four with receiver accounts, over the 30% cap, so the cap is shared by largest remainder), deriving a
 * request key from a ledger reference (SHA-256, base62), and handling a provider notification that was already
 * applied (signature verified, request found, nothing moves) — what a callback storm of retries costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class PayoutBenchmark {
  private static final Instant PAID = Instant.parse("2026-11-02T02:00:00Z");
  private static final RuleSetId RULES = RuleSetId.of("beauty");

  private ProviderProfile wechat;
  private List<SplitCandidate> candidates;
  private KeyFormat keys;
  private String[] refs;
  private int n;
  private Payouts payouts;
  private RawNotification applied;

  @Setup
  public void setUp() {
    wechat = ProviderProfiles.wechatPay();
    keys = wechat.splitKeys();
    candidates = new ArrayList<>();
    long[][] shares = {{500_000, 500_000}, {150_000, 150_000}, {200_000, 120_000}, {70_000, 70_000},
        {80_000, 80_000}, {30_000, 30_000}};
    for (int i = 0; i < shares.length; i++) {
      PartyId p = PartyId.of("party-" + i);
      ReceiverAccount account = i % 3 == 2 ? null
          : ReceiverAccount.of(p, "wechat", i % 2 == 0 ? ReceiverType.MERCHANT : ReceiverType.PERSONAL, "acct-" + i);
      candidates.add(new SplitCandidate(p, account, shares[i][0], shares[i][1]));
    }
    refs = new String[1024];
    for (int i = 0; i < refs.length; i++) {
      refs[i] = "split:order-" + (100_000 + i) + ":1";
    }

    Clock clock = Clock.fixed(PAID.plus(Duration.ofDays(1)), ZoneOffset.UTC);
    InMemoryPaymentGateway gateway = InMemoryPaymentGateway.builder(wechat).clock(clock).build();
    ReferralEngine engine = ReferralEngine.builder().clock(clock)
        .commissions(CommissionPolicy.ofDefaults().withHoldPeriod(Duration.ZERO)).build();
    engine.rules().publish(RevenueShareRuleSet.builder(RULES, 1).effectiveFrom(PAID.minus(Duration.ofDays(30)))
        .rule(RevenueShareRule.named("service").categories(RevenueCategory.SERVICE)
            .share(PartyRole.CHANNEL, BasisPoints.of(5000))
            .share(PartyRole.DOCTOR, BasisPoints.of(700), ShareKind.WORK_FEE).rest(PartyRole.CLINIC).build())
        .build());
    payouts = Payouts.builder().engine(engine).provider(wechat, gateway).build();
    PartyId doctor = PartyId.of("dr-li");
    payouts.registerReceiver(ReceiverAccount.of(doctor, "wechat", ReceiverType.PERSONAL, "openid-dr-li"));
    engine.recordPaidOrder(new PaidOrder(OrderId.of("o-1"), PartyId.of("patient-1"), RULES, PAID, "wechat",
        List.of(OrderLine.of("l1", RevenueCategory.SERVICE, Money.ofYuan(10_000))),
        Map.of(PartyRole.CHANNEL, PartyId.of("meituan"), PartyRole.DOCTOR, doctor, PartyRole.CLINIC,
            PartyId.of("clinic-7"))));
    engine.commissions().releaseDue(100);
    payouts.split(OrderId.of("o-1"), "tx-1");
    applied = gateway.takeNotifications().get(0);
    if (payouts.handleNotification(applied) != NotificationOutcome.DUPLICATE) {
      throw new IllegalStateException("the split should have settled from its own answer");
    }
  }

  @Benchmark
  public ProviderSplitPlan planSplit() {
    return ProviderPlanner.plan(wechat, OrderId.of("o-1"), Money.ofYuan(10_000), PAID, PAID.plus(Duration.ofDays(7)),
        0, 0, candidates);
  }

  @Benchmark
  public RequestKey deriveKey() {
    return keys.derive(PaymentKind.SPLIT, refs[n++ & 1023]);
  }

  @Benchmark
  public NotificationOutcome duplicateNotification() {
    return payouts.handleNotification(applied);
  }
}
