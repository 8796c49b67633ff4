package io.kinhealth.testkit.compliance;

import io.kinhealth.compliance.marketing.memory.InMemorySubscriptionStore;
import io.kinhealth.compliance.marketing.spi.SubscriptionStore;

class InMemorySubscriptionStoreTest extends SubscriptionStoreContractKit {
  @Override
  protected SubscriptionStore createStore() {
    return new InMemorySubscriptionStore();
  }
}
