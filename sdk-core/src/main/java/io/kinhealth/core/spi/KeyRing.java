package io.kinhealth.core.spi;

import java.util.Optional;

/**
 * Versioned secret keys for signing and encryption.
 *
 * <p>Contract (checked by {@code KeyRingContractKit}): {@link #current} returns the key to use for new tokens of a
 * use; every token carries its key's id; {@link #find} returns any key ever current that has not been destroyed,
 * so after a rotation, tokens made under the old key still verify; keys never reach logs or {@code toString()}.
 * The in-memory default is {@code io.kinhealth.core.memory.InMemoryKeyRing}.
 */
public interface KeyRing {
  /** The key new tokens of this use are made with. */
  ManagedKey current(KeyUse use);

  /** A key by id, current or retired, for verification and decryption. */
  Optional<ManagedKey> find(String keyId);
}
