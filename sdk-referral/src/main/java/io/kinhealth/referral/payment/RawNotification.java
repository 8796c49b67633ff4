package io.kinhealth.referral.payment;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.validation.Check;
import java.util.Map;

/**
 * A callback from a provider exactly as it arrived (headers with the signature, the body), for the gateway to
 * verify and read. The body may carry personal data (openids, names): it never appears in {@link #toString()}.
 */
public record RawNotification(String provider, Map<String, String> headers, String body) {
  public RawNotification {
    provider = TypedId.requireValid(provider, "provider");
    headers = Map.copyOf(Check.noNulls(headers == null ? Map.of() : headers, "headers"));
    Check.notNull(body, "body");
  }

  @Override
  public String toString() {
    return "RawNotification[" + provider + ", " + headers.size() + " headers, " + body.length() + " characters]";
  }
}
