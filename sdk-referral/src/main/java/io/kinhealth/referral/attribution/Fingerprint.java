package io.kinhealth.referral.attribution;

import io.kinhealth.core.crypto.Base62;
import io.kinhealth.core.spi.ManagedKey;
import io.kinhealth.core.validation.Check;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A keyed digest of something that identifies a person's device, phone, openid or payout account, used only to
 * notice when a referrer and a referee share one. The raw value (a mobile number, an openid) is personal data and is
 * never stored: make fingerprints with {@link #of(FingerprintKind, String, ManagedKey)} under a stable HMAC key (a
 * rotated key makes new digests that no longer match old ones), or pass digests the host already keeps.
 *
 * @param digest 8 to 64 base62 characters
 */
public record Fingerprint(FingerprintKind kind, String digest) {
  public Fingerprint {
    Check.notNull(kind, "kind");
    Check.notBlank(digest, "digest");
    Check.that(digest.length() >= 8 && digest.length() <= 64 && Base62.isBase62(digest), "digest",
        "referral.fingerprint.format", "a fingerprint digest is 8 to 64 base62 characters");
  }

  /** HMAC-SHA256 of the kind and the raw value under {@code key}, as 22 base62 characters (128 bits). */
  public static Fingerprint of(FingerprintKind kind, String rawValue, ManagedKey key) {
    Check.notNull(kind, "kind");
    Check.notBlank(rawValue, "rawValue");
    Check.notNull(key, "key");
    byte[] mac = key.mac((kind.name() + '\u0000' + rawValue.strip()).getBytes(StandardCharsets.UTF_8));
    return new Fingerprint(kind, Base62.encode(Arrays.copyOf(mac, 16), 22));
  }

  /** Shows the kind and a digest prefix only. */
  @Override
  public String toString() {
    return kind + ":" + digest.substring(0, 6) + "…";
  }
}
