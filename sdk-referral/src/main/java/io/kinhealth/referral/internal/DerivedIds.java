package io.kinhealth.referral.internal;

import io.kinhealth.core.crypto.Base62;
import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.validation.Check;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic ids derived from other ids: {@code kind:part:part} when that is a valid id of at most 64 characters,
 * otherwise {@code kind:h} followed by a base62 SHA-256 digest of the parts. The same inputs always give the same
 * id, so a retried operation finds what its first attempt wrote. Not API.
 */
public final class DerivedIds {
  private DerivedIds() {}

  public static String derive(String kind, String... parts) {
    Check.notBlank(kind, "kind");
    Check.notNull(parts, "parts");
    StringBuilder sb = new StringBuilder(kind);
    for (String p : parts) {
      sb.append(':').append(Check.notNull(p, "part"));
    }
    String joined = sb.toString();
    if (joined.length() <= TypedId.MAX_LENGTH && isIdText(joined)) {
      return joined;
    }
    try {
      // Length-prefixed parts so that ("a:b", "c") and ("a", "b:c") never digest alike.
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        byte[] b = p.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (b.length >>> 24));
        sha.update((byte) (b.length >>> 16));
        sha.update((byte) (b.length >>> 8));
        sha.update((byte) b.length);
        sha.update(b);
      }
      String digest = Base62.encode(sha.digest(), 43);
      String id = kind + ":h" + digest;
      return id.length() <= TypedId.MAX_LENGTH ? id : id.substring(0, TypedId.MAX_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static boolean isIdText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == ':' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
