package io.kinhealth.testkit.referral;

import io.kinhealth.core.money.Money;
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

/** The payment contract holds even against a provider that loses calls, answers late and fails some receivers. */
class FakePaymentGatewayTest extends PaymentGatewayContractKit {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T02:00:00Z"));
  private int payments;

  @Override
  protected PaymentGateway createGateway() {
    return new FakePaymentGateway(profile(), clock, 42, FakePaymentGateway.Faults.chaotic());
  }

  @Override
  protected ProviderProfile profile() {
    return ProviderProfiles.alipayAsync();
  }

  @Override
  protected String paidTransaction(PaymentGateway gateway, Money amount) {
    String tx = "tx-" + ++payments;
    ((FakePaymentGateway) gateway).inner().registerPayment(tx, amount);
    return tx;
  }

  @Override
  protected List<ReceiverAccount> receivers() {
    return List.of(receiver("clinic-7", "alipay", ReceiverType.MERCHANT),
        receiver("dr-li", "alipay", ReceiverType.PERSONAL));
  }

  @Override
  protected void letTimePass(PaymentGateway gateway) {
    clock.advance(Duration.ofHours(1));
  }

  @Override
  protected List<RawNotification> notifications(PaymentGateway gateway) {
    return ((FakePaymentGateway) gateway).deliverNotifications();
  }
}
