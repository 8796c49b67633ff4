package io.kinhealth.core.spi;

import java.util.function.Supplier;

/**
 * Runs work that writes several stores so that all of it commits or none of it does.
 *
 * <p>Contract (checked by {@code TransactionRunnerContractKit} in kinhealth-testkit):
 *
 * <ul>
 *   <li>{@link #inTransaction} returns the work's result after committing; if the work throws, every write made
 *       through participating stores is rolled back and the same exception propagates unchanged;
 *   <li>a call made while a transaction is already active on the thread joins it (like Spring's {@code REQUIRED}):
 *       an exception that escapes the inner call rolls back the whole outer transaction;
 *   <li>{@link #afterCommit} actions run once, after the outermost transaction commits, and never after a
 *       rollback; outside a transaction they run at once;
 *   <li>{@link #afterRollback} actions run once, after the outermost transaction has rolled back, and never after a
 *       commit; outside a transaction they never run.
 * </ul>
 *
 * <p>The in-memory default is {@code io.kinhealth.core.memory.InMemoryTransactionRunner}; the Spring example binds
 * this interface to Spring's {@code TransactionTemplate}. Keep implementations synchronous.
 */
public interface TransactionRunner {

  /** Runs {@code work} in a transaction and returns its result. */
  <T> T inTransaction(Supplier<T> work);

  /** Runs {@code work} in a transaction. */
  default void execute(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }

  /**
   * Runs {@code action} after the current transaction commits (for example publishing a domain event), or at once
   * when no transaction is active. The default runs it at once: override it when transactions can roll back.
   */
  default void afterCommit(Runnable action) {
    action.run();
  }

  /**
   * Runs {@code action} after the current transaction has rolled back, for example to drop what an SDK cache learned
   * from writes that were just undone; never after a commit, and not at all outside a transaction (there is nothing
   * to roll back). The default does nothing, which is right only for runners that cannot roll back: a runner that
   * can should override it (with Spring, from {@code TransactionSynchronization.afterCompletion} on
   * {@code STATUS_ROLLED_BACK}), or in-memory caches may keep what a rolled-back write put there.
   */
  default void afterRollback(Runnable action) {
    // nothing to do: without rollbacks there is never a rolled-back write to forget
  }
}
