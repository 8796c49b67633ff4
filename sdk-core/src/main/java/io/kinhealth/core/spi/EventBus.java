package io.kinhealth.core.spi;

/**
 * Publishing and subscribing in one: what SDK services are given. The in-memory default is
 * {@code io.kinhealth.core.memory.InMemoryEventBus}; a host may adapt its own bus (Spring's
 * {@code ApplicationEventPublisher}, a message broker) and pass it to the builders.
 */
public interface EventBus extends EventPublisher, EventSubscriptions {}
