package io.kinhealth.referral.order;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.split.OrderLine;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer paid an order: record it, split it and book it. Recording the same order id again with an equal
 * command returns the first settlement; with a different one it fails with {@code IDEMPOTENCY_CONFLICT}.
 *
 * @param customer who paid; their referral chain at {@code paidAt} fills the referrer roles
 * @param ruleSet which rule set splits it (the version in force at {@code paidAt})
 * @param provider the payment provider's account name on the ledger, e.g. {@code wechat}
 * @param parties who plays each role (clinic, doctor, channel...); never the platform or a referrer, which the
 *     engine fills in
 */
public record PaidOrder(
    OrderId id,
    PartyId customer,
    RuleSetId ruleSet,
    Instant paidAt,
    String provider,
    List<OrderLine> lines,
    Map<PartyRole, PartyId> parties) {

  public PaidOrder {
    Check.notNull(id, "id");
    Check.notNull(customer, "customer");
    Check.notNull(ruleSet, "ruleSet");
    Check.notNull(paidAt, "paidAt");
    provider = TypedId.requireValid(provider, "provider");
    lines = List.copyOf(Check.notEmpty(lines, "lines"));
    parties = Map.copyOf(Check.noNulls(parties == null ? Map.of() : parties, "parties"));
    for (PartyRole role : parties.keySet()) {
      if (role.isReferrer() || role.equals(PartyRole.PLATFORM)) {
        throw new ValidationException("parties", "referral.order.reserved_role",
            "role " + role + " is filled by the engine, not by the order");
      }
    }
  }
}
