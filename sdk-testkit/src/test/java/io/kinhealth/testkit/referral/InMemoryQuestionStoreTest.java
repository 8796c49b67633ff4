package io.kinhealth.testkit.referral;

import io.kinhealth.referral.memory.InMemoryQuestionStore;
import io.kinhealth.referral.spi.QuestionStore;

class InMemoryQuestionStoreTest extends QuestionStoreContractKit {
  @Override
  protected QuestionStore createStore() {
    return new InMemoryQuestionStore();
  }
}
