package io.kinhealth.core.spi;

/** What a managed key is for; one key serves one use only. */
public enum KeyUse {
  /** Keyed digests: signed tokens, pseudonyms (HMAC-SHA256). */
  HMAC_SHA256,
  /** Authenticated encryption: reversible tokens (AES-256-GCM). */
  AES_GCM
}
