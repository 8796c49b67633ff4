package io.kinhealth.referral;

import io.kinhealth.core.spi.DomainEvent;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.attribution.ScanResult;
import io.kinhealth.referral.commission.CommissionId;
import io.kinhealth.referral.commission.CommissionState;
import io.kinhealth.referral.commission.PayoutId;
import io.kinhealth.referral.commission.PayoutState;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.payment.PaymentKind;
import io.kinhealth.referral.payment.PaymentStatus;
import io.kinhealth.referral.payment.RequestKey;
import io.kinhealth.referral.payment.WithdrawalId;
import io.kinhealth.referral.payment.WithdrawalState;
import io.kinhealth.referral.qa.QuestionId;
import io.kinhealth.referral.qa.QuestionState;
import java.time.Instant;

/**
 * What the referral module publishes, after its transaction commits. Events carry ids and states only (party ids are
 * opaque), so a host may put them on any bus.
 */
public sealed interface ReferralEvent extends DomainEvent {

  /** A scan bound, rebound or renewed a referee's binding. */
  record ReferralBound(PartyId referee, PartyId referrer, ScanResult result, Instant occurredAt)
      implements ReferralEvent {
    public ReferralBound {
      Check.notNull(referee, "referee");
      Check.notNull(referrer, "referrer");
      Check.notNull(result, "result");
      Check.notNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
      return "referral.binding.changed";
    }
  }

  /** A paid order was split and booked. */
  record OrderSettled(OrderId order, EntryId entry, Instant occurredAt) implements ReferralEvent {
    public OrderSettled {
      Check.notNull(order, "order");
      Check.notNull(entry, "entry");
      Check.notNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
      return "referral.order.settled";
    }
  }

  /** A refund was split and booked. */
  record OrderRefunded(RefundId refund, OrderId order, EntryId entry, Instant occurredAt) implements ReferralEvent {
    public OrderRefunded {
      Check.notNull(refund, "refund");
      Check.notNull(order, "order");
      Check.notNull(entry, "entry");
      Check.notNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
      return "referral.order.refunded";
    }
  }

  /** A commission was created ({@code from} null) or changed state. */
  record CommissionChanged(CommissionId commission, PartyId party, CommissionState from, CommissionState to,
      Instant occurredAt) implements ReferralEvent {
    public CommissionChanged {
      Check.notNull(commission, "commission");
      Check.notNull(party, "party");
      Check.notNull(to, "to");
      Check.notNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
      return "referral.commission.changed";
    }
  }

  /** A payout was requested, paid or failed. */
  record PayoutChanged(PayoutId payout, PartyId party, PayoutState state, Instant occurredAt)
      implements ReferralEvent {
    public PayoutChanged {
      Check.notNull(payout, "payout");
      Check.notNull(party, "party");
      Check.notNull(state, "state");
      Check.notNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
      return "referral.payout.changed";
    }
  }

  /** A request to a payment provider reached a final status (its money has moved on the ledger). */
  record PaymentSettled(RequestKey key, PaymentKind kind, PaymentStatus status, Instant occurredAt)
      implements ReferralEvent {
    public PaymentSettled {
      Check.notNull(key, "key");
      Check.notNull(kind, "kind");
      Check.notNull(status, "status");
      Check.notNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
      return "referral.payment.settled";
    }
  }

  /** A withdrawal was requested, approved, rejected, paid or failed. */
  record WithdrawalChanged(WithdrawalId withdrawal, PartyId party, WithdrawalState state, Instant occurredAt)
      implements ReferralEvent {
    public WithdrawalChanged {
      Check.notNull(withdrawal, "withdrawal");
      Check.notNull(party, "party");
      Check.notNull(state, "state");
      Check.notNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
      return "referral.withdrawal.changed";
    }
  }

  /**
   * A paid question changed state. On {@code REFUNDED} the host refunds the asker's payment at the provider (the
   * ledger has already booked it).
   */
  record QuestionChanged(QuestionId question, QuestionState state, Instant occurredAt) implements ReferralEvent {
    public QuestionChanged {
      Check.notNull(question, "question");
      Check.notNull(state, "state");
      Check.notNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
      return "referral.question.changed";
    }
  }
}
