package io.kinhealth.family.internal;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.TypedId;

/**
 * Idempotency keys for the several store writes of one command: the caller's key plus a suffix per write, so each
 * write is idempotent on its own and a replay of the command replays every write. Not API.
 */
public final class DerivedKeys {
  private DerivedKeys() {}

  public static IdempotencyKey derive(IdempotencyKey key, String suffix) {
    String candidate = key.value() + "." + suffix;
    if (candidate.length() <= TypedId.MAX_LENGTH) {
      return IdempotencyKey.of(candidate);
    }
    String digest = RequestDigest.of(key.value(), suffix).substring(0, 32);
    return IdempotencyKey.of("d." + digest + "." + suffix.substring(0, Math.min(suffix.length(), 20)));
  }
}
