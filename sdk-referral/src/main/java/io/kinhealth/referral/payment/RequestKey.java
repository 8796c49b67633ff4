package io.kinhealth.referral.payment;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;

/**
 * The key of one request to a provider ({@code out_order_no} and friends): the idempotency key at the provider and
 * in the SDK. Derived deterministically from a ledger reference ({@link KeyFormat#derive}), so resending a request
 * reuses its key and the provider treats it as the same request: it can never split or pay twice.
 *
 * <p>1 to 64 characters of {@code [0-9A-Za-z_-|*@]} (the union of what WeChat Pay and Alipay accept); keys the SDK
 * derives use letters and digits only.
 */
public record RequestKey(String value) implements Comparable<RequestKey> {
  public static final int MAX_LENGTH = 64;

  public RequestKey {
    value = Check.notBlank(value, "key");
    if (value.length() > MAX_LENGTH) {
      throw new ValidationException("key", "referral.key.too_long", "a request key is at most 64 characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'
          || c == '-' || c == '|' || c == '*' || c == '@';
      if (!ok) {
        throw new ValidationException("key", "referral.key.charset", "a request key is [0-9A-Za-z_-|*@]");
      }
    }
  }

  public static RequestKey of(String value) {
    return new RequestKey(value);
  }

  @Override
  public int compareTo(RequestKey o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
