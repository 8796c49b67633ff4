package io.kinhealth.testkit.compliance;

import io.kinhealth.compliance.memory.InMemoryNoticeStore;
import io.kinhealth.compliance.spi.NoticeStore;

class InMemoryNoticeStoreTest extends NoticeStoreContractKit {
  @Override
  protected NoticeStore createStore() {
    return new InMemoryNoticeStore();
  }
}
