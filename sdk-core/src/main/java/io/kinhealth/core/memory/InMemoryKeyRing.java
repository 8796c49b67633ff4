package io.kinhealth.core.memory;

import io.kinhealth.core.crypto.LocalKey;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.spi.KeyRing;
import io.kinhealth.core.spi.KeyUse;
import io.kinhealth.core.spi.ManagedKey;
import io.kinhealth.core.validation.Check;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default {@link KeyRing}: keys held in memory, rotated by {@link #rotate(KeyUse)}.
 *
 * <p>{@link #generated()} makes one random key per use, which suits tests and demos; production hosts add their
 * own material with {@link #add(ManagedKey)} and {@link #makeCurrent(String)}, or implement {@link KeyRing} over
 * a KMS. Rotation keeps every earlier key for verification. Thread-safe.
 */
public final class InMemoryKeyRing implements KeyRing {
  private final Map<String, ManagedKey> byId = new ConcurrentHashMap<>();
  private final Map<KeyUse, ManagedKey> current = new EnumMap<>(KeyUse.class);
  private final SecureRandom random;
  private int generatedCount;

  private InMemoryKeyRing(SecureRandom random) {
    this.random = random;
  }

  /** An empty key ring; add keys before use. */
  public static InMemoryKeyRing empty() {
    return new InMemoryKeyRing(new SecureRandom());
  }

  /** A key ring with one freshly generated key per {@link KeyUse}. */
  public static InMemoryKeyRing generated() {
    InMemoryKeyRing ring = empty();
    for (KeyUse use : KeyUse.values()) {
      ring.rotate(use);
    }
    return ring;
  }

  /** Adds a key; the first key of a use becomes current. Ids are unique across uses. */
  public synchronized InMemoryKeyRing add(ManagedKey key) {
    Check.notNull(key, "key");
    LocalKey.checkKeyId(key.keyId());
    if (byId.putIfAbsent(key.keyId(), key) != null) {
      throw new ConflictException("key.duplicate_id", "keyId", "a key with this id already exists");
    }
    current.putIfAbsent(key.use(), key);
    return this;
  }

  /** Makes an added key the one new tokens use. */
  public synchronized InMemoryKeyRing makeCurrent(String keyId) {
    ManagedKey key = byId.get(Check.notNull(keyId, "keyId"));
    if (key == null) {
      throw new NotFoundException("key.not_found", "keyId", "no key with this id");
    }
    current.put(key.use(), key);
    return this;
  }

  /** Generates a new random key for {@code use}, makes it current and returns its id; older keys stay findable. */
  public synchronized String rotate(KeyUse use) {
    Check.notNull(use, "use");
    String id;
    do {
      id = (use == KeyUse.HMAC_SHA256 ? "h" : "a") + (++generatedCount);
    } while (byId.containsKey(id));
    ManagedKey key = LocalKey.generate(id, use, random);
    byId.put(id, key);
    current.put(use, key);
    return id;
  }

  @Override
  public synchronized ManagedKey current(KeyUse use) {
    ManagedKey key = current.get(Check.notNull(use, "use"));
    if (key == null) {
      throw new NotFoundException("key.none_current", "use", "no current key for " + use);
    }
    return key;
  }

  @Override
  public Optional<ManagedKey> find(String keyId) {
    return keyId == null ? Optional.empty() : Optional.ofNullable(byId.get(keyId));
  }

  @Override
  public String toString() {
    return "InMemoryKeyRing[" + byId.size() + " keys]";
  }
}
