package io.kinhealth.core.spi;

/**
 * Publishes SDK domain events. The SDK publishes after its transaction commits
 * ({@link TransactionRunner#afterCommit}).
 *
 * <p>Contract: {@link #publish} delivers synchronously to every in-process subscriber before it returns; a subscriber
 * that throws does not stop delivery to the others, and the exception does not reach the publisher. A host that
 * also forwards events to other nodes does so in addition.
 */
public interface EventPublisher {
  void publish(DomainEvent event);
}
