package io.kinhealth.testkit.referral;

import io.kinhealth.referral.memory.InMemoryReferralStore;
import io.kinhealth.referral.spi.ReferralStore;

class InMemoryReferralStoreTest extends ReferralStoreContractKit {
  @Override
  protected ReferralStore createStore() {
    return new InMemoryReferralStore();
  }
}
