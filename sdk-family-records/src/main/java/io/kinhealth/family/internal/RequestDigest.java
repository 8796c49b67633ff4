package io.kinhealth.family.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a request's canonical text, stored with idempotency keys instead of the request itself. Not API. */
public final class RequestDigest {
  private RequestDigest() {}

  public static String of(Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      sb.append(p).append('\u001f');
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
