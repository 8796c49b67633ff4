package io.kinhealth.referral.payment;

import io.kinhealth.core.validation.Check;

/**
 * What happened to one receiver of a split: WeChat Pay and Alipay's asynchronous mode report each receiver on its
 * own, so one may succeed while another fails.
 *
 * @param index the receiver's position in the {@link SplitInstruction}
 * @param errorCode the provider's code for a failure, or null
 */
public record ReceiverOutcome(int index, PaymentStatus status, String errorCode) {
  public ReceiverOutcome {
    Check.notNegative(index, "index");
    Check.notNull(status, "status");
  }

  public static ReceiverOutcome succeeded(int index) {
    return new ReceiverOutcome(index, PaymentStatus.SUCCEEDED, null);
  }

  public static ReceiverOutcome failed(int index, String errorCode) {
    return new ReceiverOutcome(index, PaymentStatus.FAILED, errorCode);
  }
}
