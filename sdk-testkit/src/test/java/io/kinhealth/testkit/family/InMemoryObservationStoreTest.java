package io.kinhealth.testkit.family;

import io.kinhealth.family.memory.InMemoryObservationStore;
import io.kinhealth.family.spi.ObservationStore;

class InMemoryObservationStoreTest extends ObservationStoreContractKit {
  @Override
  protected ObservationStore createStore() {
    return new InMemoryObservationStore();
  }
}
