package io.kinhealth.testkit.family;

import io.kinhealth.family.memory.InMemoryTriageQueue;
import io.kinhealth.family.spi.AlertSink;

class InMemoryTriageQueueTest extends AlertSinkContractKit {
  @Override
  protected AlertSink createSink() {
    return new InMemoryTriageQueue();
  }

  @Override
  protected int queued(AlertSink sink) {
    return ((InMemoryTriageQueue) sink).size();
  }
}
