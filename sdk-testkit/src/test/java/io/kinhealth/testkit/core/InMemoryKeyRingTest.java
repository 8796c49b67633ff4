package io.kinhealth.testkit.core;

import io.kinhealth.core.memory.InMemoryKeyRing;
import io.kinhealth.core.spi.KeyRing;
import io.kinhealth.core.spi.KeyUse;

class InMemoryKeyRingTest extends KeyRingContractKit {
  @Override
  protected KeyRing createKeyRing() {
    return InMemoryKeyRing.generated();
  }

  @Override
  protected void rotate(KeyRing ring, KeyUse use) {
    ((InMemoryKeyRing) ring).rotate(use);
  }
}
