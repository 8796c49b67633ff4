package io.kinhealth.testkit.compliance;

import io.kinhealth.compliance.memory.InMemoryRetentionStore;
import io.kinhealth.compliance.spi.RetentionStore;

class InMemoryRetentionStoreTest extends RetentionStoreContractKit {
  @Override
  protected RetentionStore createStore() {
    return new InMemoryRetentionStore();
  }
}
