package io.kinhealth.testkit.compliance;

import io.kinhealth.compliance.memory.InMemoryConsentStore;
import io.kinhealth.compliance.spi.ConsentStore;

class InMemoryConsentStoreTest extends ConsentStoreContractKit {
  @Override
  protected ConsentStore createStore() {
    return new InMemoryConsentStore();
  }
}
