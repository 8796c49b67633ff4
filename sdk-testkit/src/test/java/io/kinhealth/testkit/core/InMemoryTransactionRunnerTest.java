package io.kinhealth.testkit.core;

import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.TransactionRunner;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

class InMemoryTransactionRunnerTest extends TransactionRunnerContractKit {
  @Override
  protected TransactionRunner createRunner() {
    return new InMemoryTransactionRunner();
  }

  @Override
  protected Probe createProbe() {
    Map<String, String> map = new ConcurrentHashMap<>();
    return new Probe() {
      @Override
      public void write(String key, String value) {
        String previous = map.put(key, value);
        InMemoryTransactionRunner.recordUndo(() -> {
          if (previous == null) {
            map.remove(key);
          } else {
            map.put(key, previous);
          }
        });
      }

      @Override
      public Optional<String> read(String key) {
        return Optional.ofNullable(map.get(key));
      }
    };
  }
}
