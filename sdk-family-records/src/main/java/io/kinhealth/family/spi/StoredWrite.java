package io.kinhealth.family.spi;

import io.kinhealth.core.validation.Check;

/**
 * What a store remembers about a write made under an idempotency key: a digest of the request that made it and the
 * id of what it wrote. A replay with the same digest is the same request; another digest is a conflict.
 */
public record StoredWrite(String requestDigest, String resultId) {
  public StoredWrite {
    requestDigest = Check.text(requestDigest, "requestDigest", 128);
    resultId = Check.text(resultId, "resultId", 64);
  }
}
