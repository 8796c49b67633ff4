package io.kinhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.commission.CommissionPolicy;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.memory.InMemoryPaymentGateway;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderSettlement;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.payment.ProviderProfile;
import io.kinhealth.referral.payment.ProviderProfiles;
import io.kinhealth.referral.payment.ReceiverAccount;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.payment.WithdrawalPolicy;
import io.kinhealth.referral.split.OrderLine;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small world for payout tests: an engine with the seed rule sets and commissions available at once, payouts over
 * one in-memory provider with a scripted behaviour, and the beauty-clinic parties.
 */
final class PayoutWorld {
  static final PartyId CHANNEL = PartyId.of("meituan");
  static final PartyId AGENT = PartyId.of("agent-9");
  static final PartyId SUPPLIER = PartyId.of("filler-co");
  static final PartyId DOCTOR = PartyId.of("dr-li");
  static final PartyId CLINIC = PartyId.of("clinic-7");
  static final PartyId PATIENT = PartyId.of("patient-1");

  final TestClock clock = TestClock.at("2026-11-02T02:00:00Z");
  final Script script = new Script();
  final ProviderProfile profile;
  final InMemoryPaymentGateway gateway;
  final ReferralEngine engine;
  final Payouts payouts;

  PayoutWorld() {
    this(ProviderProfiles.wechatPay(), WithdrawalPolicy.ofDefaults());
  }

  PayoutWorld(ProviderProfile profile, WithdrawalPolicy withdrawals) {
    this.profile = profile;
    gateway = InMemoryPaymentGateway.builder(profile).clock(clock).behaviour(script).build();
    engine = ReferralEngine.builder().clock(clock)
        .commissions(CommissionPolicy.ofDefaults().withHoldPeriod(Duration.ZERO)).build();
    engine.rules().publish(Seeds.beauty());
    engine.rules().publish(Seeds.paidQa());
    engine.rules().publish(Seeds.crowd());
    payouts = Payouts.builder().engine(engine).provider(profile, gateway).withdrawals(withdrawals).build();
  }

  String provider() {
    return profile.provider();
  }

  /** Registers a receiver account for the party at this world's provider. */
  ReceiverAccount receiver(PartyId party, ReceiverType type) {
    return payouts.registerReceiver(ReceiverAccount.of(party, provider(), type, "acct-" + party.value()));
  }

  /** A paid beauty order of one SERVICE line, its commissions made available, the payment registered. */
  OrderSettlement paidOrder(String id, String amount) {
    Money total = Money.parse(amount);
    OrderSettlement s = engine.recordPaidOrder(new PaidOrder(OrderId.of(id), PATIENT, Seeds.BEAUTY, clock.instant(),
        provider(), List.of(OrderLine.of("l1", RevenueCategory.SERVICE, total)),
        Map.of(PartyRole.CHANNEL, CHANNEL, PartyRole.AGENT, AGENT, PartyRole.SUPPLIER, SUPPLIER,
            PartyRole.DOCTOR, DOCTOR, PartyRole.CLINIC, CLINIC)));
    engine.commissions().releaseDue(1_000);
    gateway.registerPayment(tx(id), total);
    return s;
  }

  static String tx(String order) {
    return "tx-" + order;
  }

  long wallet(PartyId party) {
    return engine.commissions().balanceOf(party).available().minor();
  }

  long posted(AccountId account) {
    return engine.ledger().balance(account).postedMinor();
  }

  long debt(PartyId party) {
    return engine.commissions().balanceOf(party).debt().minor();
  }

  void assertSound() {
    assertThat(engine.ledger().check().isSound()).as("ledger sound").isTrue();
  }
}
