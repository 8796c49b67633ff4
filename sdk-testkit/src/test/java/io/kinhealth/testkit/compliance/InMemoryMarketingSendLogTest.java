package io.kinhealth.testkit.compliance;

import io.kinhealth.compliance.marketing.memory.InMemoryMarketingSendLog;
import io.kinhealth.compliance.marketing.spi.MarketingSendLog;

class InMemoryMarketingSendLogTest extends MarketingSendLogContractKit {
  @Override
  protected MarketingSendLog createStore() {
    return new InMemoryMarketingSendLog();
  }
}
