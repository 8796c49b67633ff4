package io.kinhealth.testkit.family;

import io.kinhealth.family.memory.InMemoryFamilyStore;
import io.kinhealth.family.spi.FamilyStore;

class InMemoryFamilyStoreTest extends FamilyStoreContractKit {
  @Override
  protected FamilyStore createStore() {
    return new InMemoryFamilyStore();
  }
}
