package io.kinhealth.referral.payment;

import io.kinhealth.core.crypto.Base62;
import io.kinhealth.core.validation.Check;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a provider accepts as a request key ({@code out_order_no}, {@code out_return_no}, {@code out_bill_no},
 * {@code out_request_no}, {@code out_biz_no}): at most {@code maxLength} characters of {@code [0-9A-Za-z]} plus the
 * listed punctuation.
 *
 * <p>{@link #derive} builds keys from letters and digits only (a kind letter and a base62 SHA-256 digest of the
 * ledger reference), so a key fits every format that allows letters and digits and is the same on every retry.
 * With at least 16 characters a key keeps 89 bits of digest: two ledger references never share a key in practice.
 */
public record KeyFormat(int maxLength, String punctuation) {
  public static final int MIN_LENGTH = 16;
  private static final int DIGEST_CHARS = 43; // 256 bits in base62

  public KeyFormat {
    Check.inRange(maxLength, MIN_LENGTH, 128, "maxLength");
    punctuation = punctuation == null ? "" : punctuation;
    for (int i = 0; i < punctuation.length(); i++) {
      char c = punctuation.charAt(i);
      Check.that(c > ' ' && c < 127 && !Character.isLetterOrDigit(c), "punctuation", "referral.key.punctuation",
          "punctuation lists printable ASCII symbols only");
    }
  }

  /** Letters and digits only, up to {@code maxLength}. */
  public static KeyFormat alphanumeric(int maxLength) {
    return new KeyFormat(maxLength, "");
  }

  /** Whether {@code key} is acceptable to the provider. */
  public boolean fits(String key) {
    if (key == null || key.isEmpty() || key.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
          || punctuation.indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The key for {@code ledgerRef}: the kind's letter ({@code S}plit, {@code U}nfreeze, {@code R}eturn,
   * {@code T}ransfer) then as much of the reference's base62 SHA-256 digest as fits.
   */
  public RequestKey derive(PaymentKind kind, String ledgerRef) {
    Check.notNull(kind, "kind");
    Check.notBlank(ledgerRef, "ledgerRef");
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(ledgerRef.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
    String body = Base62.encode(digest, DIGEST_CHARS);
    String key = letter(kind) + body.substring(0, Math.min(DIGEST_CHARS, maxLength - 1));
    return RequestKey.of(key);
  }

  private static char letter(PaymentKind kind) {
    return switch (kind) {
      case SPLIT -> 'S';
      case UNFREEZE -> 'U';
      case RETURN -> 'R';
      case TRANSFER -> 'T';
    };
  }
}
