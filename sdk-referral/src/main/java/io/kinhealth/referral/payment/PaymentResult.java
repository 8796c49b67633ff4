package io.kinhealth.referral.payment;

import io.kinhealth.core.validation.Check;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A provider's answer about one request: returned by every {@link io.kinhealth.referral.spi.PaymentGateway} method
 * and carried by notifications. Outcomes are values, never exceptions: a timeout is {@link PaymentStatus#UNKNOWN}.
 *
 * <p>For a split, {@code receivers} may report receivers one by one: a final outcome for a receiver is final even
 * while the request as a whole is still {@code PENDING}. A {@code SUCCEEDED} split with no receiver listed means
 * every receiver succeeded; a {@code FAILED} one that every receiver failed.
 *
 * @param providerReference the provider's own id for the request, if it gave one
 * @param errorCode the provider's error code (or a gateway code such as {@code TIMEOUT}), or null
 * @param notFound from a query only: the provider has no request under this key (it never arrived), so it may be
 *     sent again under the same key
 */
public record PaymentResult(RequestKey key, PaymentStatus status, String providerReference, String errorCode,
    List<ReceiverOutcome> receivers, boolean notFound) {
  public PaymentResult {
    Check.notNull(key, "key");
    Check.notNull(status, "status");
    receivers = List.copyOf(Check.noNulls(receivers == null ? List.of() : receivers, "receivers"));
    Set<Integer> seen = new HashSet<>();
    for (ReceiverOutcome r : receivers) {
      Check.that(seen.add(r.index()), "receivers", "referral.payment.receiver_repeated",
          "a receiver is reported once per result");
    }
    Check.that(!notFound || status == PaymentStatus.UNKNOWN, "notFound", "referral.payment.not_found_status",
        "a request the provider does not know is UNKNOWN");
  }

  public static PaymentResult succeeded(RequestKey key, String providerReference) {
    return new PaymentResult(key, PaymentStatus.SUCCEEDED, providerReference, null, List.of(), false);
  }

  public static PaymentResult pending(RequestKey key, String providerReference) {
    return new PaymentResult(key, PaymentStatus.PENDING, providerReference, null, List.of(), false);
  }

  public static PaymentResult failed(RequestKey key, String errorCode) {
    return new PaymentResult(key, PaymentStatus.FAILED, null, errorCode, List.of(), false);
  }

  /** Nobody knows what happened (a timeout, say). */
  public static PaymentResult unknown(RequestKey key, String errorCode) {
    return new PaymentResult(key, PaymentStatus.UNKNOWN, null, errorCode, List.of(), false);
  }

  /** A query found no request under this key at the provider. */
  public static PaymentResult notFound(RequestKey key) {
    return new PaymentResult(key, PaymentStatus.UNKNOWN, null, "NOT_FOUND", List.of(), true);
  }

  /** This result with per-receiver outcomes. */
  public PaymentResult withReceivers(List<ReceiverOutcome> outcomes) {
    return new PaymentResult(key, status, providerReference, errorCode, outcomes, notFound);
  }
}
