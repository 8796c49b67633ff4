package io.kinhealth.compliance.consent;

import io.kinhealth.compliance.Requester;
import io.kinhealth.compliance.notice.NoticeReference;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a consent record says, as the individual gave it: subject, grantor, grant or refusal, type, purposes,
 * categories, actions, named recipients, the notice version shown, channel, when, until when, and the evidence.
 *
 * <p>This value is also the idempotency payload of a consent write: replaying a write with an equal grant returns
 * the first record. Guarantees: sets are immutable and non-empty (recipients may be empty); an expiry is after the
 * grant time. Contains no personal data beyond ids.
 */
public record ConsentGrant(
    PersonId subjectId,
    Grantor grantor,
    ConsentChoice choice,
    ConsentType type,
    Set<Purpose> purposes,
    Set<DataCategory> categories,
    Set<ProcessingAction> actions,
    Set<Requester> recipients,
    NoticeReference notice,
    ConsentChannel channel,
    Instant grantedAt,
    Instant expiresAt,
    ConsentEvidence evidence) {

  public ConsentGrant {
    Check.notNull(subjectId, "subjectId");
    Check.notNull(grantor, "grantor");
    Check.notNull(choice, "choice");
    Check.notNull(type, "type");
    purposes = Set.copyOf(Check.notEmpty(purposes, "purposes"));
    categories = Set.copyOf(Check.notEmpty(categories, "categories"));
    actions = Set.copyOf(Check.notEmpty(actions, "actions"));
    recipients = recipients == null ? Set.of() : Set.copyOf(Check.noNulls(recipients, "recipients"));
    Check.notNull(notice, "notice");
    Check.notNull(channel, "channel");
    Check.notNull(grantedAt, "grantedAt");
    Check.that(expiresAt == null || expiresAt.isAfter(grantedAt), "expiresAt", "consent.expiry_before_grant",
        "a consent must expire after it was given");
  }

  public Optional<Instant> knownExpiry() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<ConsentEvidence> knownEvidence() {
    return Optional.ofNullable(evidence);
  }

  /** Whether the consent has expired at {@code instant}. */
  public boolean isExpiredAt(Instant instant) {
    return expiresAt != null && !instant.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "ConsentGrant[" + subjectId + ", " + choice + " " + type + ", purposes=" + purposes + ", categories="
        + categories + "]";
  }
}
