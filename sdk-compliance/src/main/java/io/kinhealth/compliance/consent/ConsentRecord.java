package io.kinhealth.compliance.consent;

import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored consent (or refusal): its grant, when the SDK recorded it, and whether it has been withdrawn.
 *
 * <p>Guarantees: {@code version} starts at 1 and grows by one per change (optimistic concurrency: stores reject a
 * write made against an older version); a withdrawn record carries its {@link Withdrawal} and an active one has
 * none; the grant itself never changes (a new consent is a new record).
 */
public record ConsentRecord(
    ConsentId id, long version, ConsentGrant grant, Instant recordedAt, ConsentStatus status,
    Withdrawal withdrawal) {

  public ConsentRecord {
    Check.notNull(id, "consent.id");
    Check.positive(version, "consent.version");
    Check.notNull(grant, "consent.grant");
    Check.notNull(recordedAt, "consent.recordedAt");
    Check.notNull(status, "consent.status");
    Check.that((status == ConsentStatus.WITHDRAWN) == (withdrawal != null), "consent.withdrawal",
        "consent.withdrawal_mismatch", "a withdrawn consent, and only a withdrawn one, has a withdrawal");
  }

  /** A newly recorded, active consent at version 1. */
  public static ConsentRecord recorded(ConsentId id, ConsentGrant grant, Instant recordedAt) {
    return new ConsentRecord(id, 1, grant, recordedAt, ConsentStatus.ACTIVE, null);
  }

  /** This record withdrawn, one version later. */
  public ConsentRecord withdrawn(Withdrawal w) {
    if (status != ConsentStatus.ACTIVE) {
      throw new InvalidStateException("consent.already_withdrawn", "consentId", "the consent is already withdrawn");
    }
    return new ConsentRecord(id, version + 1, grant, recordedAt, ConsentStatus.WITHDRAWN, Check.notNull(w,
        "withdrawal"));
  }

  public PersonId subjectId() {
    return grant.subjectId();
  }

  public boolean isActive() {
    return status == ConsentStatus.ACTIVE;
  }

  /** Active and not expired at {@code instant}. */
  public boolean isInForceAt(Instant instant) {
    return isActive() && !grant.isExpiredAt(instant);
  }

  public Optional<Withdrawal> knownWithdrawal() {
    return Optional.ofNullable(withdrawal);
  }

  @Override
  public String toString() {
    return "ConsentRecord[" + id + " v" + version + ", " + status + ", " + grant + "]";
  }
}
