package io.kinhealth.compliance.masking;

import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.spi.KeyRing;
import io.kinhealth.core.spi.KeyUse;
import io.kinhealth.core.spi.ManagedKey;
import io.kinhealth.core.validation.Check;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reversible tokens: AES-GCM under a versioned key from the core {@link KeyRing}, bound to a domain (the associated
 * data), so a token made for {@code mobile} cannot be revealed as a {@code resident_id}. Tokens look like
 * {@code tk1.a2.<base64url>}; each sealing uses a fresh nonce, so the same value gives different tokens (use a
 * {@link Pseudonymiser} for join keys). Altered tokens fail with {@link IntegrityException}.
 */
public final class ReversibleTokens {
  private static final String PREFIX = "tk1";
  private final KeyRing keys;
  private final String domain;
  private final byte[] aad;

  private ReversibleTokens(KeyRing keys, String domain) {
    this.keys = Check.notNull(keys, "keyRing");
    this.domain = Check.text(domain, "domain", 64);
    this.aad = ("kinhealth.token." + this.domain).getBytes(StandardCharsets.UTF_8);
  }

  public static ReversibleTokens of(KeyRing keys, String domain) {
    return new ReversibleTokens(keys, domain);
  }

  public String tokenise(String value) {
    Check.notNull(value, "value");
    ManagedKey key = keys.current(KeyUse.AES_GCM);
    byte[] sealed = key.seal(value.getBytes(StandardCharsets.UTF_8), aad);
    return PREFIX + "." + key.keyId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
  }

  /**
   * The value a token stands for.
   *
   * @throws IntegrityException if the token is malformed, altered, of another domain, or its key is gone
   */
  public String reveal(String token) {
    Check.notNull(token, "token");
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !PREFIX.equals(parts[0])) {
      throw new IntegrityException("token.format", "token", "not a reversible token");
    }
    ManagedKey key = keys.find(parts[1]).filter(k -> k.use() == KeyUse.AES_GCM).orElseThrow(
        () -> new IntegrityException("token.key_unknown", "token", "the token's key is not in the key ring"));
    byte[] sealed;
    try {
      sealed = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IntegrityException("token.format", "token", "not a reversible token");
    }
    return new String(key.open(sealed, aad), StandardCharsets.UTF_8);
  }

  public Mask asMask() {
    return Masks.named("token", v -> tokenise(v.toString().strip()));
  }
}
