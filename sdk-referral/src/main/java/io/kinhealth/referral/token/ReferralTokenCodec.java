package io.kinhealth.referral.token;

import io.kinhealth.core.crypto.Base62;
import io.kinhealth.core.crypto.LocalKey;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.spi.KeyRing;
import io.kinhealth.core.spi.KeyUse;
import io.kinhealth.core.spi.ManagedKey;
import io.kinhealth.core.validation.Check;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Makes and checks {@link ReferralToken}s: HMAC-SHA256 (truncated to 64 bits) over the referrer code, campaign and
 * expiry, under the key ring's current HMAC key, whose id leads the token.
 *
 * <p>Layout: the key id (1 to 8 base62 characters) followed by exactly 24 base62 characters encoding 142 bits:
 * referrer code (40), campaign (16), expiry in whole hours since 2024-01-01T00:00Z (22, until the year 2502) and
 * the first 64 bits of the MAC over a domain tag, the key id and those fields. So a token is 25 to 32 characters.
 *
 * <p>Guarantees: the MAC is compared in constant time ({@link ManagedKey#verifyTruncatedMac}); the signature is
 * checked before the expiry, so a forged token never learns whether it would have been expired; after a key rotation
 * tokens signed by the old key keep verifying until they expire, as long as the key ring still finds that key.
 * A 64-bit MAC makes online forgery impractical (2^64 guesses); tokens attribute referrals and move no money by
 * themselves. The expiry is rounded up to the whole hour. Stateless and thread-safe.
 */
public final class ReferralTokenCodec {
  public static final long MAX_REFERRER_CODE = (1L << 40) - 1;
  public static final int MAX_CAMPAIGN = (1 << 16) - 1;

  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
  private static final long MAX_HOURS = (1L << 22) - 1;
  private static final int BODY_CHARS = 24;
  private static final int BODY_BYTES = 18;
  private static final int MAC_BYTES = 8;
  private static final byte[] DOMAIN = "kinhealth.referral.token.v1".getBytes(StandardCharsets.US_ASCII);

  private final KeyRing keys;

  private ReferralTokenCodec(KeyRing keys) {
    this.keys = Check.notNull(keys, "keys");
  }

  public static ReferralTokenCodec of(KeyRing keys) {
    return new ReferralTokenCodec(keys);
  }

  /** Signs a token for {@code referrerCode} and {@code campaign}, valid until {@code expiresAt} (rounded up). */
  public ReferralToken issue(long referrerCode, int campaign, Instant expiresAt) {
    Check.inRange(referrerCode, 1, MAX_REFERRER_CODE, "referrerCode");
    Check.inRange(campaign, 0, MAX_CAMPAIGN, "campaign");
    Check.notNull(expiresAt, "expiresAt");
    Check.that(expiresAt.isAfter(EPOCH), "expiresAt", "referral.token.expiry_range", "expiry is before 2024");
    long seconds = Duration.between(EPOCH, expiresAt).getSeconds();
    long hours = (seconds + 3599) / 3600;
    Check.that(hours <= MAX_HOURS, "expiresAt", "referral.token.expiry_range", "expiry is too far away");
    ManagedKey key = keys.current(KeyUse.HMAC_SHA256);
    String keyId = LocalKey.checkKeyId(key.keyId());
    byte[] mac = Arrays.copyOf(key.mac(signed(keyId, referrerCode, campaign, hours)), MAC_BYTES);
    BigInteger body = BigInteger.valueOf(referrerCode).shiftLeft(102)
        .or(BigInteger.valueOf(campaign).shiftLeft(86))
        .or(BigInteger.valueOf(hours).shiftLeft(64))
        .or(new BigInteger(1, mac));
    return new ReferralToken(keyId + Base62.encode(toBytes(body), BODY_CHARS));
  }

  /**
   * Checks a token at {@code now} and returns its claims.
   *
   * @throws ValidationException on field {@code token} with reason {@code referral.token.malformed},
   *     {@code referral.token.unknown_key}, {@code referral.token.signature} or {@code referral.token.expired}
   */
  public TokenClaims verify(String token, Instant now) {
    Check.notNull(now, "now");
    if (token == null || token.length() <= BODY_CHARS || token.length() > ReferralToken.MAX_LENGTH
        || !Base62.isBase62(token)) {
      throw invalid("referral.token.malformed", "not a referral token");
    }
    String keyId = token.substring(0, token.length() - BODY_CHARS);
    BigInteger body = new BigInteger(1, Base62.decode(token.substring(keyId.length()), BODY_BYTES));
    if (body.bitLength() > 142) {
      throw invalid("referral.token.malformed", "not a referral token");
    }
    long code = body.shiftRight(102).longValue();
    int campaign = body.shiftRight(86).intValue() & 0xFFFF;
    long hours = body.shiftRight(64).longValue() & MAX_HOURS;
    byte[] mac = Arrays.copyOfRange(toBytes(body), BODY_BYTES - MAC_BYTES, BODY_BYTES);
    Optional<ManagedKey> key = keys.find(keyId).filter(k -> k.use() == KeyUse.HMAC_SHA256);
    if (key.isEmpty()) {
      throw invalid("referral.token.unknown_key", "the token's key is not known");
    }
    if (!key.get().verifyTruncatedMac(signed(keyId, code, campaign, hours), mac)) {
      throw invalid("referral.token.signature", "the token's signature does not match");
    }
    Instant expiresAt = EPOCH.plusSeconds(hours * 3600);
    if (!now.isBefore(expiresAt)) {
      throw invalid("referral.token.expired", "the token has expired");
    }
    if (code < 1) {
      throw invalid("referral.token.malformed", "not a referral token");
    }
    return new TokenClaims(code, campaign, expiresAt, keyId);
  }

  private static byte[] signed(String keyId, long code, int campaign, long hours) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[DOMAIN.length + 1 + id.length + 10];
    int p = 0;
    System.arraycopy(DOMAIN, 0, out, p, DOMAIN.length);
    p += DOMAIN.length;
    out[p++] = (byte) id.length;
    System.arraycopy(id, 0, out, p, id.length);
    p += id.length;
    for (int shift = 32; shift >= 0; shift -= 8) {
      out[p++] = (byte) (code >>> shift);
    }
    out[p++] = (byte) (campaign >>> 8);
    out[p++] = (byte) campaign;
    out[p++] = (byte) (hours >>> 16);
    out[p++] = (byte) (hours >>> 8);
    out[p] = (byte) hours;
    return out;
  }

  private static byte[] toBytes(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[BODY_BYTES];
    int n = Math.min(raw.length, BODY_BYTES);
    System.arraycopy(raw, raw.length - n, out, BODY_BYTES - n, n);
    return out;
  }

  private static ValidationException invalid(String reason, String message) {
    return new ValidationException("token", reason, message);
  }
}
