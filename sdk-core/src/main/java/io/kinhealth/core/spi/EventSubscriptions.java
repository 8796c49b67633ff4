package io.kinhealth.core.spi;

import java.util.function.Consumer;

/** Lets SDK components and hosts subscribe to domain events by type (a subscriber also receives subtypes). */
public interface EventSubscriptions {
  /** Subscribes {@code handler} to events assignable to {@code type}; close the subscription to stop. */
  <E extends DomainEvent> Subscription subscribe(Class<E> type, Consumer<? super E> handler);

  /** A live subscription. Closing it twice is harmless. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
