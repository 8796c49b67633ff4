package io.kinhealth.core.memory;

import io.kinhealth.core.spi.TransactionRunner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default {@link TransactionRunner}: serialisable transactions over the SDK's in-memory stores.
 *
 * <p>In-memory stores record an undo action for every write through {@link #recordUndo(Runnable)}; on an exception
 * the undo actions run in reverse order, so the stores look as if the work never ran. Transactions are serialised by
 * one lock (the in-memory default favours obvious correctness over write concurrency); nested calls join the
 * outer transaction. Not durable: state lives as long as the stores do.
 */
public final class InMemoryTransactionRunner implements TransactionRunner {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryTransactionRunner.class);

  /** The transaction active on this thread, whichever runner started it. */
  private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

  private final ReentrantLock lock = new ReentrantLock();

  private static final class Frame {
    final Deque<Runnable> undo = new ArrayDeque<>();
    final List<Runnable> afterCommit = new ArrayList<>();
  }

  /**
   * Records how to reverse a write just made. Stores call this after each successful change; outside a transaction
   * it does nothing (the write is already final).
   */
  public static void recordUndo(Runnable undo) {
    Frame f = CURRENT.get();
    if (f != null) {
      f.undo.push(undo);
    }
  }

  /** Whether an in-memory transaction is active on the calling thread. */
  public static boolean isActive() {
    return CURRENT.get() != null;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (CURRENT.get() != null) {
      return work.get(); // join: the outer frame rolls back everything if this throws out of it
    }
    lock.lock();
    Frame frame = new Frame();
    CURRENT.set(frame);
    T result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      rollback(frame, e);
      throw e;
    } finally {
      CURRENT.remove();
      lock.unlock();
    }
    for (Runnable action : frame.afterCommit) {
      try {
        action.run();
      } catch (RuntimeException e) {
        // The transaction has committed; an after-commit failure must not turn into a reported failure of it.
        LOG.warn("after-commit action failed: {}", e.getClass().getName());
      }
    }
    return result;
  }

  private static void rollback(Frame frame, Throwable cause) {
    while (!frame.undo.isEmpty()) {
      try {
        frame.undo.pop().run();
      } catch (RuntimeException undoFailure) {
        cause.addSuppressed(undoFailure);
      }
    }
  }

  @Override
  public void afterCommit(Runnable action) {
    Frame f = CURRENT.get();
    if (f == null) {
      action.run();
    } else {
      f.afterCommit.add(action);
    }
  }
}
