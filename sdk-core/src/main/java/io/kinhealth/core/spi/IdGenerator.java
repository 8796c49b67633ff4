package io.kinhealth.core.spi;

/**
 * Makes new unique identifiers.
 *
 * <p>Contract: every value is unique (across threads and calls), is a valid
 * {@link io.kinhealth.core.id.TypedId} value, and values made later on one thread sort after earlier ones as strings,
 * so ids are time-ordered and index-friendly. The default is {@code io.kinhealth.core.memory.UuidV7IdGenerator}.
 */
public interface IdGenerator {
  String newId();
}
