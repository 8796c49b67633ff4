package io.kinhealth.compliance.rights;

import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A subject's request to exercise a right, with its deadline: the end of the 15th working day after receipt
 * (App认定方法 2019), counted on the host's {@link io.kinhealth.compliance.spi.HolidayCalendar}.
 *
 * <p>Guarantees: version grows by one per change; a refused request carries its {@link RefusalReason}; a closed
 * request has {@code closedAt}; an open one has neither.
 */
public record SubjectRequest(SubjectRequestId id, long version, PersonId subjectId, SubjectRequestType type,
    Instant receivedAt, LocalDate dueDate, SubjectRequestStatus status, RefusalReason refusal, Instant closedAt) {
  public SubjectRequest {
    Check.notNull(id, "request.id");
    Check.positive(version, "request.version");
    Check.notNull(subjectId, "request.subjectId");
    Check.notNull(type, "request.type");
    Check.notNull(receivedAt, "request.receivedAt");
    Check.notNull(dueDate, "request.dueDate");
    Check.notNull(status, "request.status");
    Check.that((status == SubjectRequestStatus.REFUSED) == (refusal != null), "request.refusal",
        "rights.refusal_reason_required", "a refused request, and only one, carries the reason");
    Check.that((status == SubjectRequestStatus.OPEN) == (closedAt == null), "request.closedAt",
        "rights.closed_at_mismatch", "a closed request has a closing time");
  }

  public static SubjectRequest received(SubjectRequestId id, PersonId subjectId, SubjectRequestType type,
      Instant receivedAt, LocalDate dueDate) {
    return new SubjectRequest(id, 1, subjectId, type, receivedAt, dueDate, SubjectRequestStatus.OPEN, null, null);
  }

  public boolean isOpen() {
    return status == SubjectRequestStatus.OPEN;
  }

  public SubjectRequest completed(Instant at) {
    requireOpen();
    return new SubjectRequest(id, version + 1, subjectId, type, receivedAt, dueDate, SubjectRequestStatus.COMPLETED,
        null, at);
  }

  public SubjectRequest refused(RefusalReason reason, Instant at) {
    requireOpen();
    return new SubjectRequest(id, version + 1, subjectId, type, receivedAt, dueDate, SubjectRequestStatus.REFUSED,
        Check.notNull(reason, "reason"), at);
  }

  private void requireOpen() {
    if (!isOpen()) {
      throw new InvalidStateException("rights.request_closed", "status", "the request is already closed");
    }
  }
}
