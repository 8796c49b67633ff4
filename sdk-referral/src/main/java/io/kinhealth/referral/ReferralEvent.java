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
}
