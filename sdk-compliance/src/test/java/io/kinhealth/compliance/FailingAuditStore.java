package io.kinhealth.compliance;

import io.kinhealth.compliance.audit.AuditEntry;
import io.kinhealth.compliance.memory.InMemoryAuditStore;
import io.kinhealth.compliance.spi.AuditStore;
import io.kinhealth.core.error.UnavailableException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.util.Optional;

/** An audit store whose appends fail on demand (fault injection). */
final class FailingAuditStore implements AuditStore {
  final InMemoryAuditStore delegate = new InMemoryAuditStore();
  volatile boolean fail;

  @Override
  public AuditEntry append(AuditEntry entry, IdempotencyKey key) {
    if (fail) {
      throw new UnavailableException("store.down", null, "injected audit failure");
    }
    return delegate.append(entry, key);
  }

  @Override
  public Optional<AuditEntry> last() {
    return delegate.last();
  }

  @Override
  public Page<AuditEntry> read(long fromSequence, PageRequest page) {
    return delegate.read(fromSequence, page);
  }

  @Override
  public Page<AuditEntry> findBySubject(PersonId subjectId, PageRequest page) {
    return delegate.findBySubject(subjectId, page);
  }
}
