package io.kinhealth.core.memory;

import io.kinhealth.core.spi.TransactionRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default {@link TransactionRunner}: serialisable transactions over the SDK's in-memory stores.
 *
 * <p>In-memory stores record an undo action for every write through {@link #recordUndo(Runnable)}; on an exception
 * the undo actions run in reverse order, so the stores look as if the work never ran, and then the
 * {@link #afterRollback(Runnable) after-rollback} actions in the order given. Transactions are serialised by
 * one lock (the in-memory default favours obvious correctness over write concurrency); nested calls join the
 * outer transaction. Not durable: state lives as long as the stores do.
 */
public final class InMemoryTransactionRunner implements TransactionRunner {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryTransactionRunner.class);

  /**
   * The transaction active on this thread, whichever runner started it. Cleared with {@code set(null)} rather than
   * {@code remove()}: removing and re-adding the thread-local map entry on every transaction made the map's stale-slot
   * sweep a tenth of a small transaction's cost, and a null value keeps nothing of this library reachable.
   */
  private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

  private final ReentrantLock lock = new ReentrantLock();

  /** One transaction's undo actions (in the order recorded) and after-commit actions, each made on first use. */
  private static final class Frame {
    Runnable[] undo;
    int undoCount;
    List<Runnable> afterCommit;
    List<Runnable> afterRollback;

    void recordUndo(Runnable action) {
      if (undo == null) {
        undo = new Runnable[8];
      } else if (undoCount == undo.length) {
        undo = Arrays.copyOf(undo, undoCount * 2);
      }
      undo[undoCount++] = action;
    }
  }

  /**
   * Records how to reverse a write just made. Stores call this after each successful change; outside a transaction
   * it does nothing (the write is already final).
   */
  public static void recordUndo(Runnable undo) {
    Frame f = CURRENT.get();
    if (f != null) {
      f.recordUndo(undo);
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
      CURRENT.set(null);
      lock.unlock();
    }
    if (frame.afterCommit == null) {
      return result;
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
    for (int i = frame.undoCount - 1; i >= 0; i--) {
      try {
        frame.undo[i].run();
      } catch (RuntimeException undoFailure) {
        cause.addSuppressed(undoFailure);
      }
    }
    if (frame.afterRollback != null) {
      for (Runnable action : frame.afterRollback) {
        try {
          action.run();
        } catch (RuntimeException actionFailure) {
          cause.addSuppressed(actionFailure);
        }
      }
    }
  }

  @Override
  public void afterRollback(Runnable action) {
    Frame f = CURRENT.get();
    if (f != null) {
      if (f.afterRollback == null) {
        f.afterRollback = new ArrayList<>(2);
      }
      f.afterRollback.add(action);
    }
  }

  @Override
  public void afterCommit(Runnable action) {
    Frame f = CURRENT.get();
    if (f == null) {
      action.run();
    } else {
      if (f.afterCommit == null) {
        f.afterCommit = new ArrayList<>(2);
      }
      f.afterCommit.add(action);
    }
  }
}
