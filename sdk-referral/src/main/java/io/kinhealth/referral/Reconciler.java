package io.kinhealth.referral;

import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.payment.NotificationOutcome;
import io.kinhealth.referral.payment.PaymentRequest;
import io.kinhealth.referral.payment.PaymentResult;
import io.kinhealth.referral.payment.ReconcileRun;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles every request a provider has not given a final answer for (UNKNOWN or PENDING): re-queries each when its
 * back-off says so (by default 5 minutes after sending, 1 hour later, then daily), sends again under the same key
 * a request the provider never received, and applies what it learns — moving each request's money on the ledger
 * exactly once, whatever notifications did meanwhile.
 *
 * <p>Run {@link #settleDue(int)} on a schedule (every minute, say) from one node or several: two nodes settling the
 * same request race on its version and only one applies. Obtained from {@link Payouts#reconciler()}; thread-safe.
 */
public final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final Payouts payouts;

  Reconciler(Payouts payouts) {
    this.payouts = payouts;
  }

  /** Checks up to {@code limit} requests whose next check is due, each in its own transaction. */
  public ReconcileRun settleDue(int limit) {
    Check.inRange(limit, 1, PageRequest.MAX_LIMIT, "limit");
    Instant now = payouts.clock().instant();
    List<PaymentRequest> due = payouts.store().requestsDue(now, PageRequest.first(limit)).items();
    int settled = 0;
    int resent = 0;
    int open = 0;
    for (PaymentRequest r : due) {
      PaymentResult answer = payouts.call(r.instruction(), true);
      if (answer.notFound()) {
        // The provider never saw it: the same key again is the same request, never a second one.
        answer = payouts.call(r.instruction(), false);
        resent++;
      }
      NotificationOutcome outcome;
      try {
        outcome = payouts.apply(answer, true);
      } catch (RuntimeException e) {
        // Another node settled it meanwhile (a version conflict) or a store fault: it stays due and is retried.
        LOG.warn("settling request {} failed: {}", r.key(), e.getClass().getName());
        open++;
        continue;
      }
      boolean isFinal = payouts.store().findRequest(r.key()).map(PaymentRequest::isFinal).orElse(false);
      if (isFinal && outcome == NotificationOutcome.APPLIED) {
        settled++;
      } else if (!isFinal) {
        open++;
      }
    }
    return new ReconcileRun(due.size(), settled, resent, open);
  }
}
