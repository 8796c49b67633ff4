package io.kinhealth.testkit.referral;

import io.kinhealth.referral.memory.InMemoryLedgerStore;
import io.kinhealth.referral.spi.LedgerStore;

class InMemoryLedgerStoreTest extends LedgerStoreContractKit {
  @Override
  protected LedgerStore createStore() {
    return new InMemoryLedgerStore();
  }
}
