package io.kinhealth.referral.memory;

import io.kinhealth.referral.payment.PaymentResult;
import io.kinhealth.referral.payment.PaymentStatus;
import io.kinhealth.referral.payment.ReceiverOutcome;
import io.kinhealth.referral.payment.RequestKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory provider's notification body: {@code key;status;reference;error;index:STATUS,...}, empty fields for
 * nulls. Not API.
 */
final class NotificationBody {
  private NotificationBody() {}

  static String write(PaymentResult r) {
    StringBuilder receivers = new StringBuilder();
    for (ReceiverOutcome o : r.receivers()) {
      if (receivers.length() > 0) {
        receivers.append(',');
      }
      receivers.append(o.index()).append(':').append(o.status());
    }
    return r.key().value() + ';' + r.status() + ';' + nz(r.providerReference()) + ';' + nz(r.errorCode()) + ';'
        + receivers;
  }

  static PaymentResult read(String body) {
    String[] f = body.split(";", -1);
    if (f.length != 5) {
      throw new IllegalArgumentException("not a notification body");
    }
    List<ReceiverOutcome> receivers = new ArrayList<>();
    if (!f[4].isEmpty()) {
      for (String part : f[4].split(",")) {
        String[] p = part.split(":");
        PaymentStatus st = PaymentStatus.valueOf(p[1]);
        receivers.add(new ReceiverOutcome(Integer.parseInt(p[0]), st,
            st == PaymentStatus.FAILED ? blankToNull(f[3]) : null));
      }
    }
    return new PaymentResult(RequestKey.of(f[0]), PaymentStatus.valueOf(f[1]), blankToNull(f[2]), blankToNull(f[3]),
        receivers, false);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
