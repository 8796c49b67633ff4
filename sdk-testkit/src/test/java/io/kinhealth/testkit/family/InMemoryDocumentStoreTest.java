package io.kinhealth.testkit.family;

import io.kinhealth.family.memory.InMemoryDocumentStore;
import io.kinhealth.family.spi.DocumentStore;

class InMemoryDocumentStoreTest extends DocumentStoreContractKit {
  @Override
  protected DocumentStore createStore() {
    return new InMemoryDocumentStore();
  }
}
