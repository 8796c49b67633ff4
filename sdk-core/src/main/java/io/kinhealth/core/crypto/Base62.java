package io.kinhealth.core.crypto;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import java.math.BigInteger;

/**
 * Base62 ({@code 0-9A-Za-z}) encoding of byte arrays: URL-, QR- and WeChat-{@code scene}-safe without padding or
 * punctuation.
 *
 * <p>Encodes the bytes as one unsigned big-endian number; {@link #decode(String, int)} needs the original length so
 * leading zero bytes survive. Stateless and thread-safe.
 */
public final class Base62 {
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final BigInteger BASE = BigInteger.valueOf(62);

  private Base62() {}

  /** The shortest base62 text for these bytes (at least one character). */
  public static String encode(byte[] bytes) {
    Check.notNull(bytes, "bytes");
    BigInteger n = new BigInteger(1, bytes);
    if (n.signum() == 0) {
      return "0";
    }
    StringBuilder sb = new StringBuilder(bytes.length * 4 / 3 + 2);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(BASE);
      sb.append(ALPHABET[qr[1].intValue()]);
      n = qr[0];
    }
    return sb.reverse().toString();
  }

  /** Base62 text of exactly {@code width} characters, left-padded with {@code 0}. */
  public static String encode(byte[] bytes, int width) {
    String s = encode(bytes);
    Check.that(s.length() <= width, "width", "base62.width", "value needs more than " + width + " characters");
    return "0".repeat(width - s.length()) + s;
  }

  /** The {@code length} bytes that {@code text} encodes. */
  public static byte[] decode(String text, int length) {
    Check.notBlank(text, "text");
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < text.length(); i++) {
      n = n.multiply(BASE).add(BigInteger.valueOf(digit(text.charAt(i))));
    }
    byte[] raw = n.toByteArray();
    int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    int significant = raw.length - start;
    if (n.signum() == 0) {
      significant = 0;
    }
    if (significant > length) {
      throw new ValidationException("text", "base62.too_long", "value does not fit in " + length + " bytes");
    }
    byte[] out = new byte[length];
    System.arraycopy(raw, raw.length - significant, out, length - significant, significant);
    return out;
  }

  /** Whether every character is in the base62 alphabet. */
  public static boolean isBase62(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 36;
    }
    throw new ValidationException("text", "base62.charset", "not a base62 character");
  }
}
