package io.kinhealth.compliance.memory;

import io.kinhealth.compliance.rights.SubjectRequest;
import io.kinhealth.compliance.rights.SubjectRequestId;
import io.kinhealth.compliance.rights.SubjectRequestStatus;
import io.kinhealth.compliance.rights.SubjectRequestType;
import io.kinhealth.compliance.spi.SubjectRequestStore;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.IdempotencyTable;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The embedded default {@link SubjectRequestStore}. Thread-safe, transactional, not durable. */
public final class InMemorySubjectRequestStore implements SubjectRequestStore {
  private record InsertPayload(PersonId subject, SubjectRequestType type) {}

  private record UpdatePayload(SubjectRequestId id, SubjectRequestStatus status) {}

  private final Map<SubjectRequestId, SubjectRequest> requests = new LinkedHashMap<>();
  private final IdempotencyTable<SubjectRequest> inserts = new IdempotencyTable<>();
  private final IdempotencyTable<SubjectRequest> updates = new IdempotencyTable<>();

  @Override
  public SubjectRequest insert(SubjectRequest request, IdempotencyKey key) {
    Check.notNull(request, "request");
    Check.that(request.version() == 1 && request.isOpen(), "request", "rights.not_new", "a new request is open at v1");
    return inserts.apply(key, new InsertPayload(request.subjectId(), request.type()), () -> {
      synchronized (this) {
        if (requests.containsKey(request.id())) {
          throw new ConflictException("rights.duplicate_id", "subjectRequestId", "a request with this id exists");
        }
        requests.put(request.id(), request);
        InMemoryTransactionRunner.recordUndo(() -> remove(request.id()));
        return request;
      }
    });
  }

  private synchronized void remove(SubjectRequestId id) {
    requests.remove(id);
  }

  private synchronized void put(SubjectRequest r) {
    requests.put(r.id(), r);
  }

  @Override
  public SubjectRequest update(SubjectRequest next, IdempotencyKey key) {
    Check.notNull(next, "request");
    return updates.apply(key, new UpdatePayload(next.id(), next.status()), () -> {
      synchronized (this) {
        SubjectRequest current = requests.get(next.id());
        if (current == null) {
          throw new NotFoundException("rights.not_found", "subjectRequestId", "no request with this id");
        }
        if (current.version() != next.version() - 1) {
          throw new ConflictException("rights.version_conflict", "version", "the request changed since it was read");
        }
        requests.put(next.id(), next);
        InMemoryTransactionRunner.recordUndo(() -> put(current));
        return next;
      }
    });
  }

  @Override
  public synchronized Optional<SubjectRequest> find(SubjectRequestId id) {
    return Optional.ofNullable(id == null ? null : requests.get(id));
  }

  @Override
  public synchronized Page<SubjectRequest> openDueBy(LocalDate date, PageRequest page) {
    Check.notNull(date, "date");
    List<SubjectRequest> all = new ArrayList<>();
    for (SubjectRequest r : requests.values()) {
      if (r.isOpen() && !r.dueDate().isAfter(date)) {
        all.add(r);
      }
    }
    all.sort(Comparator.comparing(SubjectRequest::dueDate).thenComparing(r -> r.id().value()));
    return slice(all, page);
  }

  @Override
  public synchronized Page<SubjectRequest> findBySubject(PersonId subjectId, PageRequest page) {
    Check.notNull(subjectId, "subjectId");
    List<SubjectRequest> all = new ArrayList<>();
    for (SubjectRequest r : requests.values()) {
      if (r.subjectId().equals(subjectId)) {
        all.add(r);
      }
    }
    return slice(all, page);
  }

  private static Page<SubjectRequest> slice(List<SubjectRequest> all, PageRequest page) {
    Check.notNull(page, "page");
    int from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
    int to = Math.min(all.size(), from + page.limit());
    List<SubjectRequest> items = new ArrayList<>(all.subList(Math.min(from, to), to));
    return to < all.size() ? new Page<>(items, Integer.toString(to)) : Page.last(items);
  }
}
