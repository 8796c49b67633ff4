package io.kinhealth.testkit.referral;

import io.kinhealth.core.money.Money;
import io.kinhealth.referral.memory.InMemoryPaymentGateway;
import io.kinhealth.referral.payment.ProviderProfile;
import io.kinhealth.referral.payment.ProviderProfiles;
import io.kinhealth.referral.payment.RawNotification;
import io.kinhealth.referral.payment.ReceiverAccount;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.spi.PaymentGateway;
import io.kinhealth.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

class InMemoryPaymentGatewayTest extends PaymentGatewayContractKit {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T02:00:00Z"));
  private int payments;

  @Override
  protected PaymentGateway createGateway() {
    return InMemoryPaymentGateway.builder(profile()).clock(clock).build();
  }

  @Override
  protected ProviderProfile profile() {
    return ProviderProfiles.wechatPay();
  }

  @Override
  protected String paidTransaction(PaymentGateway gateway, Money amount) {
    String tx = "tx-" + ++payments;
    ((InMemoryPaymentGateway) gateway).registerPayment(tx, amount);
    return tx;
  }

  @Override
  protected List<ReceiverAccount> receivers() {
    return List.of(receiver("clinic-7", "wechat", ReceiverType.MERCHANT),
        receiver("dr-li", "wechat", ReceiverType.PERSONAL));
  }

  @Override
  protected void letTimePass(PaymentGateway gateway) {
    clock.advance(Duration.ofMinutes(10));
  }

  @Override
  protected List<RawNotification> notifications(PaymentGateway gateway) {
    return ((InMemoryPaymentGateway) gateway).takeNotifications();
  }
}
