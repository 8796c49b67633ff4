package io.kinhealth.testkit.referral;

import io.kinhealth.referral.memory.InMemoryPaymentStore;
import io.kinhealth.referral.spi.PaymentStore;

class InMemoryPaymentStoreTest extends PaymentStoreContractKit {
  @Override
  protected PaymentStore createStore() {
    return new InMemoryPaymentStore();
  }
}
