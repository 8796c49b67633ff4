package io.kinhealth.testkit.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.family.memory.InMemoryObservationStore;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationId;
import io.kinhealth.family.spi.ObservationStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store that implements only the first release's methods, so the kit checks the SPI's default
 * {@link ObservationStore#appendEach} (one {@code append} per row) as a store written before it existed would use it.
 */
class DefaultBatchObservationStoreTest extends ObservationStoreContractKit {
  @Override
  protected ObservationStore createStore() {
    InMemoryObservationStore inner = new InMemoryObservationStore();
    return new ObservationStore() {
      @Override
      public Observation append(IdempotencyKey key, Observation observation) {
        return inner.append(key, observation);
      }

      @Override
      public List<Observation> appendAll(List<Append> appends) {
        return inner.appendAll(appends);
      }

      @Override
      public Optional<Observation> find(ObservationId id) {
        return inner.find(id);
      }

      @Override
      public Page<Observation> findRange(PersonId subject, String type, Instant from, Instant to, PageRequest page) {
        return inner.findRange(subject, type, from, to, page);
      }

      @Override
      public List<Observation> latest(PersonId subject, String type, int limit) {
        return inner.latest(subject, type, limit);
      }
    };
  }
}
