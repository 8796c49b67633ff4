package io.kinhealth.referral.payment;

/**
 * What a payment provider said about a request, in Kill Bill's model: {@link #SUCCEEDED} and {@link #FAILED} are
 * final; {@link #PENDING} means the provider accepted the request and will finish it later; {@link #UNKNOWN} means
 * nobody knows whether the provider acted (a timeout, a dropped connection, a gateway fault). An UNKNOWN is never
 * treated as FAILED: the reconciler re-queries it until the provider gives a final answer.
 */
public enum PaymentStatus {
  SUCCEEDED,
  PENDING,
  FAILED,
  UNKNOWN;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
