package io.kinhealth.examples.quickstart;

import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.Payouts;
import io.kinhealth.referral.ReferralEngine;
import io.kinhealth.referral.memory.InMemoryPaymentGateway;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Delivery;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRefund;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.payment.LedgerRecovery;
import io.kinhealth.referral.payment.PaymentInstruction;
import io.kinhealth.referral.payment.PaymentRequest;
import io.kinhealth.referral.payment.PayoutDestination;
import io.kinhealth.referral.payment.ProviderProfile;
import io.kinhealth.referral.payment.ProviderProfiles;
import io.kinhealth.referral.payment.ProviderSplitPlan;
import io.kinhealth.referral.payment.ReceiverAccount;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.payment.ReconcileRun;
import io.kinhealth.referral.payment.ReturnOutcome;
import io.kinhealth.referral.payment.TransferInstruction;
import io.kinhealth.referral.payment.Withdrawal;
import io.kinhealth.referral.payment.WithdrawalCommand;
import io.kinhealth.referral.payment.WithdrawalId;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.rule.ShareKind;
import io.kinhealth.referral.split.OrderLine;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Chapter: paying people out through WeChat Pay. An order's split is planned within WeChat's limits (one receiver
 * wants more than the 30% cap; the rest waits in its wallet), a withdrawal whose answer is lost in a timeout is
 * settled by the reconciler, and a refund after payout is returned through WeChat where it can be and otherwise
 * becomes a debt netted against the next earnings.
 */
final class PayoutChapter {
  private static final PartyId CHANNEL = PartyId.of("meituan");
  private static final PartyId DOCTOR = PartyId.of("dr-li");
  private static final RuleSetId RULES = RuleSetId.of("beauty-clinic-9");

  private final PrintStream out;

  PayoutChapter(PrintStream out) {
    this.out = out;
  }

  void run() {
    out.println();
    out.println("5. Paying out through WeChat Pay (kinhealth-referral payouts)");
    StoryClock clock = new StoryClock(Instant.parse("2026-11-25T02:00:00Z"));
    ProviderProfile wechat = ProviderProfiles.wechatPay();
    LoseTheNextAnswer network = new LoseTheNextAnswer();
    InMemoryPaymentGateway gateway = InMemoryPaymentGateway.builder(wechat).clock(clock).behaviour(network).build();
    ReferralEngine engine = ReferralEngine.builder().clock(clock).build();
    Payouts payouts = Payouts.builder().engine(engine).provider(wechat, gateway).build();
    engine.rules().publish(RevenueShareRuleSet.builder(RULES, 1).effectiveFrom(Instant.parse("2026-11-01T00:00:00Z"))
        .rule(RevenueShareRule.named("treatment").categories(RevenueCategory.SERVICE)
            .share(PartyRole.CHANNEL, BasisPoints.of(5000)).share(PartyRole.AGENT, BasisPoints.of(1500))
            .share(PartyRole.SUPPLIER, BasisPoints.of(2000))
            .share(PartyRole.DOCTOR, BasisPoints.of(700), ShareKind.WORK_FEE).rest(PartyRole.CLINIC).build())
        .build());
    payouts.registerReceiver(ReceiverAccount.of(CHANNEL, "wechat", ReceiverType.MERCHANT, "1900000109"));

    OrderId order = pay(engine, gateway, clock, "order-2001");
    clock.advance(Duration.ofDays(7));
    engine.commissions().releaseDue(100);
    ProviderSplitPlan plan = payouts.planSplit(order);
    out.println("   a 10000.00 order, its refund window closed; WeChat Pay lets the platform split at most "
        + wechat.maxSplitRatio().value() / 100 + "% (" + plan.cap().toPlainString() + "), " + wechat
        .maxReceiversPerSplit() + " receivers a request:");
    for (String line : plan.explain()) {
      out.println("     " + line);
    }
    PaymentRequest split = payouts.split(order, "4208450740201411110007820472").requests().get(0);
    out.println("   the split request (out_order_no " + split.key() + ", derived from the ledger) is "
        + split.status() + "; WeChat paid meituan " + gateway.splitNetTo("1900000109").toPlainString());

    network.loseNext = true;
    WithdrawalId withdrawal = WithdrawalId.of("wd-77");
    payouts.requestWithdrawal(new WithdrawalCommand(withdrawal, DOCTOR, Money.parse("500.00"), "wechat",
        PayoutDestination.wallet("o8tMF5alucl-dr-li")));
    Withdrawal approved = payouts.approveWithdrawal(withdrawal, "finance-3");
    PaymentRequest transfer = payouts.request(approved.transfer()).orElseThrow();
    out.println("   dr-li withdraws 500.00 to their WeChat wallet; the answer times out: the withdrawal is "
        + approved.state() + ", the transfer " + transfer.status() + " (never FAILED), its money still held");
    clock.advance(Duration.ofMinutes(5));
    ReconcileRun run = payouts.reconciler().settleDue(100);
    out.println("   five minutes later the reconciler asks WeChat about " + run.checked() + " request: the "
        + "withdrawal is " + payouts.withdrawal(withdrawal).orElseThrow().state() + "; WeChat transferred "
        + gateway.transferredTo("o8tMF5alucl-dr-li").toPlainString() + " once");

    RefundId refund = RefundId.of("refund-2001");
    engine.recordRefund(OrderRefund.ofTotal(refund, order, clock.instant(), Money.parse("5000.00")));
    out.println("   then half the order is refunded: meituan owes " + engine.commissions().balanceOf(CHANNEL).debt()
        .toPlainString() + " beyond its wallet, dr-li " + engine.commissions().balanceOf(DOCTOR).debt()
        .toPlainString());
    ReturnOutcome returns = payouts.returnsFor(refund);
    for (PaymentRequest r : returns.returns()) {
      out.println("     returned (回退) from meituan through WeChat Pay: " + r.instruction().amount().toPlainString()
          + " " + r.status() + "; meituan now owes " + engine.commissions().balanceOf(CHANNEL).debt()
          .toPlainString());
    }
    for (LedgerRecovery r : returns.onLedger()) {
      out.println("     nothing WeChat paid dr-li can be returned (a transfer to a person): " + r.party() + "'s " + r.amount()
          .toPlainString() + " stays a debt on the ledger (" + r.reason() + ")");
    }
    try {
      payouts.requestWithdrawal(new WithdrawalCommand(WithdrawalId.of("wd-78"), DOCTOR, Money.parse("10.00"),
          "wechat", PayoutDestination.wallet("o8tMF5alucl-dr-li")));
    } catch (KinHealthException e) {
      out.println("     while it is open dr-li cannot withdraw: " + e.reason());
    }
    pay(engine, gateway, clock, "order-2002");
    clock.advance(Duration.ofDays(7));
    engine.commissions().releaseDue(100);
    out.println("   dr-li's next 700.00 nets the debt: owes " + engine.commissions().balanceOf(DOCTOR).debt()
        .toPlainString() + ", wallet " + engine.commissions().balanceOf(DOCTOR).available().toPlainString()
        + "; the ledger sums to zero: " + engine.ledger().check().isSound());
  }

  private static OrderId pay(ReferralEngine engine, InMemoryPaymentGateway gateway, Clock clock, String id) {
    OrderId order = OrderId.of(id);
    engine.recordPaidOrder(new PaidOrder(order, PartyId.of("patient-8"), RULES, clock.instant(), "wechat",
        List.of(OrderLine.of("treatment", RevenueCategory.SERVICE, Money.parse("10000.00"))),
        Map.of(PartyRole.CHANNEL, CHANNEL, PartyRole.AGENT, PartyId.of("agent-9"), PartyRole.SUPPLIER,
            PartyId.of("filler-co"), PartyRole.DOCTOR, DOCTOR, PartyRole.CLINIC, PartyId.of("clinic-9"))));
    gateway.registerPayment("4208450740201411110007820472", Money.parse("10000.00"));
    return order;
  }

  /** A network that loses the provider's answer to the next transfer (the provider still makes it). */
  private static final class LoseTheNextAnswer implements InMemoryPaymentGateway.Behaviour {
    volatile boolean loseNext;

    @Override
    public Delivery deliver(PaymentInstruction instruction) {
      if (loseNext && instruction instanceof TransferInstruction) {
        loseNext = false;
        return Delivery.LOST_AFTER_PROVIDER;
      }
      return Delivery.ANSWERED;
    }
  }
}
