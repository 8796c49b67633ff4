package io.kinhealth.compliance.masking;

import io.kinhealth.core.crypto.Base62;
import io.kinhealth.core.spi.KeyRing;
import io.kinhealth.core.spi.KeyUse;
import io.kinhealth.core.spi.ManagedKey;
import io.kinhealth.core.validation.Check;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Keyed pseudonyms (GB/T 35273-2020 §6.2; PIPL art. 73 de-identification): HMAC-SHA256 of the value under a
 * versioned key from the core {@link KeyRing}, never a bare hash (a bare hash of an 11-digit mobile is reversed by
 * trying all of them).
 *
 * <p>Guarantees: the same value, domain and key give the same token, so pseudonymised data sets still join; values
 * in different domains ({@code mobile} vs {@code resident_id}) never give the same token; a token names its key
 * ({@code ps1.h3.4Xk...}), so after a rotation old tokens still {@link #matches verify}; a token reveals nothing
 * without the key. Not reversible: use {@link ReversibleTokens} when the value must come back.
 */
public final class Pseudonymiser {
  private static final String PREFIX = "ps1";
  private static final int TOKEN_BYTES = 16;

  private final KeyRing keys;
  private final String domain;

  private Pseudonymiser(KeyRing keys, String domain) {
    this.keys = Check.notNull(keys, "keyRing");
    this.domain = Check.text(domain, "domain", 64);
  }

  /** Pseudonyms of one kind of value (its domain), e.g. {@code mobile}. */
  public static Pseudonymiser of(KeyRing keys, String domain) {
    return new Pseudonymiser(keys, domain);
  }

  /** The pseudonym of {@code value} under the current key. */
  public String pseudonym(String value) {
    Check.notNull(value, "value");
    ManagedKey key = keys.current(KeyUse.HMAC_SHA256);
    return PREFIX + "." + key.keyId() + "." + Base62.encode(digest(key, value), 22);
  }

  /** Whether {@code token} is the pseudonym of {@code value} under the key it names (compared in constant time). */
  public boolean matches(String value, String token) {
    if (value == null || token == null) {
      return false;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !PREFIX.equals(parts[0])) {
      return false;
    }
    Optional<ManagedKey> key = keys.find(parts[1]);
    if (key.isEmpty() || key.get().use() != KeyUse.HMAC_SHA256 || !Base62.isBase62(parts[2])
        || parts[2].length() != 22) {
      return false;
    }
    byte[] expected = Base62.encode(digest(key.get(), value), 22).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII));
  }

  /** A mask that replaces a value by its pseudonym. */
  public Mask asMask() {
    return Masks.named("pseudonym", v -> pseudonym(v.toString().strip()));
  }

  private byte[] digest(ManagedKey key, String value) {
    byte[] d = domain.getBytes(StandardCharsets.UTF_8);
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[d.length + 1 + v.length];
    System.arraycopy(d, 0, input, 0, d.length);
    System.arraycopy(v, 0, input, d.length + 1, v.length); // a zero byte separates domain from value
    return Arrays.copyOf(key.mac(input), TOKEN_BYTES);
  }
}
