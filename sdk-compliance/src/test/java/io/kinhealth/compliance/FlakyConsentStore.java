package io.kinhealth.compliance;

import io.kinhealth.compliance.consent.ConsentId;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentStatus;
import io.kinhealth.compliance.consent.Withdrawal;
import io.kinhealth.compliance.memory.InMemoryConsentStore;
import io.kinhealth.compliance.spi.ConsentStore;
import io.kinhealth.core.error.UnavailableException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.util.Optional;

/** A consent store whose reads or writes fail on demand (fault injection). */
final class FlakyConsentStore implements ConsentStore {
  private final InMemoryConsentStore delegate = new InMemoryConsentStore();
  volatile boolean failReads;
  volatile boolean failWrites;

  @Override
  public ConsentRecord insert(ConsentRecord record, IdempotencyKey key) {
    if (failWrites) {
      throw new UnavailableException("store.down", null, "injected write failure");
    }
    return delegate.insert(record, key);
  }

  @Override
  public Optional<ConsentRecord> find(ConsentId id) {
    return delegate.find(id);
  }

  @Override
  public ConsentRecord withdraw(ConsentId id, long expectedVersion, Withdrawal withdrawal, IdempotencyKey key) {
    if (failWrites) {
      throw new UnavailableException("store.down", null, "injected write failure");
    }
    return delegate.withdraw(id, expectedVersion, withdrawal, key);
  }

  @Override
  public Page<ConsentRecord> findBySubject(PersonId subjectId, ConsentStatus status, PageRequest page) {
    if (failReads) {
      throw new UnavailableException("store.down", null, "injected read failure");
    }
    return delegate.findBySubject(subjectId, status, page);
  }
}
