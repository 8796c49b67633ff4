package io.kinhealth.core.memory;

import io.kinhealth.core.spi.DomainEvent;
import io.kinhealth.core.spi.EventBus;
import io.kinhealth.core.validation.Check;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default {@link EventBus}: synchronous, in-process delivery in subscription order.
 *
 * <p>A subscriber that throws is logged (event type and subscriber class only, never the event's content) and
 * counted in {@link #failedDeliveries()}; the others still receive the event. Thread-safe; subscribing or closing
 * during a delivery affects only later deliveries.
 */
public final class InMemoryEventBus implements EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryEventBus.class);

  private final List<Entry<?>> entries = new CopyOnWriteArrayList<>();
  private final AtomicLong failed = new AtomicLong();

  private static final class Entry<E extends DomainEvent> {
    final Class<E> type;
    final Consumer<? super E> handler;

    Entry(Class<E> type, Consumer<? super E> handler) {
      this.type = type;
      this.handler = handler;
    }

    void deliver(DomainEvent event) {
      if (type.isInstance(event)) {
        handler.accept(type.cast(event));
      }
    }
  }

  @Override
  public void publish(DomainEvent event) {
    Check.notNull(event, "event");
    for (Entry<?> e : entries) {
      try {
        e.deliver(event);
      } catch (RuntimeException ex) {
        failed.incrementAndGet();
        LOG.warn("subscriber {} failed on event {}: {}", e.handler.getClass().getName(), event.type(),
            ex.getClass().getName());
      }
    }
  }

  @Override
  public <E extends DomainEvent> Subscription subscribe(Class<E> type, Consumer<? super E> handler) {
    Entry<E> entry = new Entry<>(Check.notNull(type, "type"), Check.notNull(handler, "handler"));
    entries.add(entry);
    return () -> entries.remove(entry);
  }

  /** How many deliveries have thrown since this bus was made. */
  public long failedDeliveries() {
    return failed.get();
  }
}
