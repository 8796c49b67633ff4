package io.kinhealth.compliance.spi;

import io.kinhealth.compliance.rights.SubjectRequest;
import io.kinhealth.compliance.rights.SubjectRequestId;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where subject requests live. The in-memory default is {@code InMemorySubjectRequestStore};
 * {@code SubjectRequestStoreContractKit} checks an implementation.
 *
 * <p>Contract: {@link #insert} stores a new request (version 1); replaying its key with the same subject and type
 * returns the first request, anything else under the key throws {@code IdempotencyConflictException}.
 * {@link #update} replaces a request by its next version if the stored version is one less (else
 * {@code ConflictException} {@code rights.version_conflict}; unknown id {@code NotFoundException}); replaying its key
 * with the same id and status returns the first result. {@link #openDueBy} pages open requests due on or before a
 * date, earliest due first; {@link #findBySubject} pages a subject's requests oldest first. Writes roll back with
 * their transaction.
 */
public interface SubjectRequestStore {
  SubjectRequest insert(SubjectRequest request, IdempotencyKey key);

  SubjectRequest update(SubjectRequest next, IdempotencyKey key);

  Optional<SubjectRequest> find(SubjectRequestId id);

  Page<SubjectRequest> openDueBy(LocalDate date, PageRequest page);

  Page<SubjectRequest> findBySubject(PersonId subjectId, PageRequest page);
}
