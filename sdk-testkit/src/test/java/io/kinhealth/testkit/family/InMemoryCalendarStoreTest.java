package io.kinhealth.testkit.family;

import io.kinhealth.family.memory.InMemoryCalendarStore;
import io.kinhealth.family.spi.CalendarStore;

class InMemoryCalendarStoreTest extends CalendarStoreContractKit {
  @Override
  protected CalendarStore createStore() {
    return new InMemoryCalendarStore();
  }
}
