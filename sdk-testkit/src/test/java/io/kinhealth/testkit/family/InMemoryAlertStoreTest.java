package io.kinhealth.testkit.family;

import io.kinhealth.family.memory.InMemoryAlertStore;
import io.kinhealth.family.spi.AlertStore;

class InMemoryAlertStoreTest extends AlertStoreContractKit {
  @Override
  protected AlertStore createStore() {
    return new InMemoryAlertStore();
  }
}
