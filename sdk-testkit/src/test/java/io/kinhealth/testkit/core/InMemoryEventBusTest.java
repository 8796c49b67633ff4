package io.kinhealth.testkit.core;

import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.spi.EventBus;

class InMemoryEventBusTest extends EventBusContractKit {
  @Override
  protected EventBus createBus() {
    return new InMemoryEventBus();
  }
}
