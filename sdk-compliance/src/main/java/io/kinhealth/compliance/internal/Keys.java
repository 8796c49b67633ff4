package io.kinhealth.compliance.internal;

import io.kinhealth.core.id.IdempotencyKey;

/** Derives the idempotency keys of secondary writes from the caller's key, so a retry replays all of them. */
public final class Keys {
  private Keys() {}

  public static IdempotencyKey derive(IdempotencyKey key, String scope) {
    return IdempotencyKey.of(scope + "-" + Digest.sha256().add(scope).add(key.value()).hex().substring(0, 40));
  }
}
