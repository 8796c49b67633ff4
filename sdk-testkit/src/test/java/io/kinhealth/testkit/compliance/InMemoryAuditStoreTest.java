package io.kinhealth.testkit.compliance;

import io.kinhealth.compliance.memory.InMemoryAuditStore;
import io.kinhealth.compliance.spi.AuditStore;

class InMemoryAuditStoreTest extends AuditStoreContractKit {
  @Override
  protected AuditStore createStore() {
    return new InMemoryAuditStore();
  }
}
