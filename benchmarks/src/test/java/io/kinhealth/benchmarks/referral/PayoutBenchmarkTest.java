package io.kinhealth.benchmarks.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.money.Money;
import io.kinhealth.referral.payment.NotificationOutcome;
import io.kinhealth.referral.payment.ProviderProfiles;
import io.kinhealth.referral.payment.RequestKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The payout benchmark measures what it says: a plan within the cap, distinct keys, a duplicate notification. */
class PayoutBenchmarkTest {
  @Test
  @DisplayName("each benchmark method does the work it is named for")
  void methods() {
    PayoutBenchmark b = new PayoutBenchmark();
    b.setUp();
    assertThat(b.planSplit().viaProvider()).isEqualTo(Money.ofYuan(3_000));
    RequestKey key = b.deriveKey();
    assertThat(key).isNotEqualTo(b.deriveKey());
    assertThat(ProviderProfiles.wechatPay().splitKeys().fits(key.value())).as("%s fits out_order_no", key).isTrue();
    assertThat(b.duplicateNotification()).isEqualTo(NotificationOutcome.DUPLICATE);
  }
}
