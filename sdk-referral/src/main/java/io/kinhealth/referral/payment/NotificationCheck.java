package io.kinhealth.referral.payment;

import io.kinhealth.core.validation.Check;

/**
 * What a gateway made of a notification: authentic (its signature checked out) with the result it reports, or
 * rejected with a reason code. Only authentic notifications ever reach the books.
 */
public record NotificationCheck(boolean authentic, PaymentResult result, String reason) {
  public NotificationCheck {
    Check.that(authentic == (result != null), "result", "referral.notification.shape",
        "an authentic notification carries a result; a rejected one does not");
    Check.that(authentic || (reason != null && !reason.isBlank()), "reason", "referral.notification.shape",
        "a rejection names its reason");
  }

  public static NotificationCheck authentic(PaymentResult result) {
    return new NotificationCheck(true, Check.notNull(result, "result"), null);
  }

  public static NotificationCheck rejected(String reason) {
    return new NotificationCheck(false, null, reason);
  }
}
