package io.kinhealth.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.spi.TransactionRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TransactionRunner} must keep. Extend it in your tests, supplying the runner and a
 * {@link Probe}: a tiny key-value store that writes the way your real stores do (through the same connection or
 * transaction manager), so the kit can observe commit and rollback.
 *
 * <pre>{@code
 * class SpringTransactionRunnerTest extends TransactionRunnerContractKit {
 *   protected TransactionRunner createRunner() { return new SpringTransactionRunner(txManager); }
 *   protected Probe createProbe() { return new JdbcProbe(dataSource); }
 * }
 * }</pre>
 */
public abstract class TransactionRunnerContractKit {

  /** A key-value store that participates in the runner's transactions. */
  public interface Probe {
    void write(String key, String value);

    Optional<String> read(String key);
  }

  protected abstract TransactionRunner createRunner();

  protected abstract Probe createProbe();

  private TransactionRunner runner;
  private Probe probe;

  @BeforeEach
  void setUpRunner() {
    runner = createRunner();
    probe = createProbe();
  }

  private static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom() {
      super("boom");
    }
  }

  @Nested
  @DisplayName("committing")
  class Committing {
    @Test
    @DisplayName("returns the work's result and keeps every write")
    void returnsResultAndKeepsWrites() {
      String result = runner.inTransaction(() -> {
        probe.write("a", "1");
        probe.write("b", "2");
        return "done";
      });
      assertThat(result).isEqualTo("done");
      assertThat(probe.read("a")).contains("1");
      assertThat(probe.read("b")).contains("2");
    }

    @Test
    @DisplayName("runs work given as a Runnable")
    void runsRunnable() {
      runner.execute(() -> probe.write("r", "x"));
      assertThat(probe.read("r")).contains("x");
    }
  }

  @Nested
  @DisplayName("rolling back")
  class RollingBack {
    @Test
    @DisplayName("undoes every write when the work throws, and rethrows the same exception")
    void undoesEveryWrite() {
      probe.write("kept", "before");
      Boom boom = new Boom();
      assertThatThrownBy(() -> runner.inTransaction(() -> {
        probe.write("a", "1");
        probe.write("kept", "changed");
        throw boom;
      })).isSameAs(boom);
      assertThat(probe.read("a")).isEmpty();
      assertThat(probe.read("kept")).contains("before");
    }

    @Test
    @DisplayName("undoes a hundred writes to one key in reverse order, back to the value before")
    void undoesInReverseOrder() {
      probe.write("k", "before");
      assertThatThrownBy(() -> runner.execute(() -> {
        for (int i = 0; i < 100; i++) {
          probe.write("k", "v" + i);
        }
        throw new Boom();
      })).isInstanceOf(Boom.class);
      assertThat(probe.read("k")).contains("before");
      runner.execute(() -> probe.write("k", "after"));
      assertThat(probe.read("k")).contains("after");
    }

    @Test
    @DisplayName("leaves earlier committed transactions untouched")
    void earlierCommitsSurvive() {
      runner.execute(() -> probe.write("first", "1"));
      assertThatThrownBy(() -> runner.execute(() -> {
        probe.write("second", "2");
        throw new Boom();
      })).isInstanceOf(Boom.class);
      assertThat(probe.read("first")).contains("1");
      assertThat(probe.read("second")).isEmpty();
    }
  }

  @Nested
  @DisplayName("nesting")
  class Nesting {
    @Test
    @DisplayName("an inner call joins the outer transaction and rolls back with it")
    void innerJoinsOuter() {
      assertThatThrownBy(() -> runner.execute(() -> {
        probe.write("outer", "1");
        runner.execute(() -> probe.write("inner", "2"));
        throw new Boom();
      })).isInstanceOf(Boom.class);
      assertThat(probe.read("outer")).isEmpty();
      assertThat(probe.read("inner")).isEmpty();
    }

    @Test
    @DisplayName("an exception escaping the inner call rolls back the outer writes too")
    void innerFailureRollsBackOuter() {
      assertThatThrownBy(() -> runner.execute(() -> {
        probe.write("outer", "1");
        runner.execute(() -> {
          probe.write("inner", "2");
          throw new Boom();
        });
      })).isInstanceOf(Boom.class);
      assertThat(probe.read("outer")).isEmpty();
      assertThat(probe.read("inner")).isEmpty();
    }
  }

  @Nested
  @DisplayName("after-commit actions")
  class AfterCommit {
    @Test
    @DisplayName("run once, after the outermost transaction commits")
    void runAfterCommit() {
      List<String> seen = new ArrayList<>();
      runner.execute(() -> {
        probe.write("k", "v");
        runner.afterCommit(() -> seen.add("after:" + probe.read("k").orElse("missing")));
        runner.execute(() -> runner.afterCommit(() -> seen.add("inner")));
        seen.add("work");
      });
      assertThat(seen).containsExactly("work", "after:v", "inner");
    }

    @Test
    @DisplayName("never run when the transaction rolls back")
    void neverAfterRollback() {
      List<String> seen = new ArrayList<>();
      assertThatThrownBy(() -> runner.execute(() -> {
        runner.afterCommit(() -> seen.add("after"));
        throw new Boom();
      })).isInstanceOf(Boom.class);
      assertThat(seen).isEmpty();
    }

    @Test
    @DisplayName("run at once outside a transaction")
    void runAtOnceOutside() {
      List<String> seen = new ArrayList<>();
      runner.afterCommit(() -> seen.add("now"));
      assertThat(seen).containsExactly("now");
    }
  }

  @Nested
  @DisplayName("after-rollback actions")
  class AfterRollback {
    @Test
    @DisplayName("run once, after the outermost transaction has rolled back its writes")
    void runAfterRollback() {
      List<String> seen = new ArrayList<>();
      probe.write("k", "before");
      assertThatThrownBy(() -> runner.execute(() -> {
        probe.write("k", "during");
        runner.afterRollback(() -> seen.add("after:" + probe.read("k").orElse("missing")));
        runner.execute(() -> runner.afterRollback(() -> seen.add("inner")));
        seen.add("work");
        throw new Boom();
      })).isInstanceOf(Boom.class);
      assertThat(seen).containsExactly("work", "after:before", "inner");
    }

    @Test
    @DisplayName("never run when the transaction commits")
    void neverAfterCommit() {
      List<String> seen = new ArrayList<>();
      runner.execute(() -> runner.afterRollback(() -> seen.add("rolled back")));
      assertThat(seen).isEmpty();
    }

    @Test
    @DisplayName("never run outside a transaction")
    void neverOutside() {
      List<String> seen = new ArrayList<>();
      runner.afterRollback(() -> seen.add("rolled back"));
      assertThat(seen).isEmpty();
    }
  }
}
