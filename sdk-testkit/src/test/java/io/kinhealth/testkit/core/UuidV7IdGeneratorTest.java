package io.kinhealth.testkit.core;

import io.kinhealth.core.memory.UuidV7IdGenerator;
import io.kinhealth.core.spi.IdGenerator;

class UuidV7IdGeneratorTest extends IdGeneratorContractKit {
  @Override
  protected IdGenerator createGenerator() {
    return new UuidV7IdGenerator();
  }
}
