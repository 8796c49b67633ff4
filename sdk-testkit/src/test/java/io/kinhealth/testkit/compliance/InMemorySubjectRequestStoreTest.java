package io.kinhealth.testkit.compliance;

import io.kinhealth.compliance.memory.InMemorySubjectRequestStore;
import io.kinhealth.compliance.spi.SubjectRequestStore;

class InMemorySubjectRequestStoreTest extends SubjectRequestStoreContractKit {
  @Override
  protected SubjectRequestStore createStore() {
    return new InMemorySubjectRequestStore();
  }
}
