package io.kinhealth.compliance.retention;

import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Set;

/**
 * A legal hold on a subject's data (litigation, an investigation, a retention period set by another law): the data
 * stays stored and protected but may not otherwise be processed (PIPL art. 47 second paragraph), and is not erased
 * by a retention sweep. While active, every consent decision touching the held categories is a DENY.
 *
 * @param categories the held categories (and their descendants); empty means all of the subject's data
 * @param reason a code such as {@code litigation} (no personal data)
 * @param caseReference the host's case or order number
 * @param releasedAt when the hold was lifted, null while active
 */
public record LegalHold(LegalHoldId id, long version, PersonId subjectId, Set<DataCategory> categories, String reason,
    String caseReference, Instant placedAt, Instant releasedAt) {
  public LegalHold {
    Check.notNull(id, "hold.id");
    Check.positive(version, "hold.version");
    Check.notNull(subjectId, "hold.subjectId");
    categories = categories == null ? Set.of() : Set.copyOf(Check.noNulls(categories, "hold.categories"));
    reason = Check.text(reason, "hold.reason", 100);
    caseReference = caseReference == null ? null : Check.text(caseReference, "hold.caseReference", 200);
    Check.notNull(placedAt, "hold.placedAt");
    Check.that(releasedAt == null || !releasedAt.isBefore(placedAt), "hold.releasedAt", "hold.release_before_place",
        "a hold is released after it was placed");
  }

  public boolean isActive() {
    return releasedAt == null;
  }

  /** Whether this active hold covers data of {@code category}. */
  public boolean covers(DataCategory category) {
    if (!isActive()) {
      return false;
    }
    if (categories.isEmpty()) {
      return true;
    }
    for (DataCategory c : categories) {
      if (category.isWithin(c) || c.isWithin(category)) {
        return true;
      }
    }
    return false;
  }

  /** This hold, released at {@code at}, one version later. */
  public LegalHold released(Instant at) {
    return new LegalHold(id, version + 1, subjectId, categories, reason, caseReference, placedAt, at);
  }
}
