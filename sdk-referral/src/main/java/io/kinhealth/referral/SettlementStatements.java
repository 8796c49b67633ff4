package io.kinhealth.referral;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.model.Zones;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.payment.PaymentRequest;
import io.kinhealth.referral.payment.PaymentStatus;
import io.kinhealth.referral.payment.RequestKey;
import io.kinhealth.referral.payment.StatementMismatch;
import io.kinhealth.referral.payment.StatementMismatch.Kind;
import io.kinhealth.referral.payment.StatementReport;
import io.kinhealth.referral.spi.PaymentStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a provider's settlement statement line by line and compares it with the recorded requests. Statement
 * statuses may be the SDK's own or the providers' words ({@code SUCCESS}, {@code FINISHED}, {@code FAIL},
 * {@code CLOSED}, {@code PROCESSING}); times are ISO-8601 instants or offsets, or {@code yyyy-MM-dd HH:mm:ss} in
 * Asia/Shanghai. A request's amount is what the provider moved once it succeeded (the receivers that succeeded, for
 * a split), else what was asked. Not API: reached through {@link Payouts#importStatement}.
 */
final class SettlementStatements {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final PaymentStore store;
  private final Currency currency;

  SettlementStatements(PaymentStore store, Currency currency) {
    this.store = store;
    this.currency = currency;
  }

  StatementReport reconcile(String provider, Reader csv, Instant from, Instant to) {
    Check.notNull(csv, "csv");
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    Check.that(!to.isBefore(from), "to", "referral.statement.period", "the period ends before it starts");
    List<StatementMismatch> mismatches = new ArrayList<>();
    Set<RequestKey> seen = new HashSet<>();
    int lines = 0;
    int matched = 0;
    try (BufferedReader in = new BufferedReader(csv)) {
      String text;
      int number = 0;
      while ((text = in.readLine()) != null) {
        number++;
        if (text.isBlank() || (number == 1 && text.toLowerCase(Locale.ROOT).startsWith("key"))) {
          continue;
        }
        lines++;
        Line line;
        try {
          line = parse(text);
        } catch (RuntimeException e) {
          mismatches.add(new StatementMismatch(Kind.MALFORMED_LINE, number, null, null, null, null, null,
              "expected key,amount,status,time"));
          continue;
        }
        if (!seen.add(line.key)) {
          mismatches.add(new StatementMismatch(Kind.DUPLICATE_LINE, number, line.key, null, line.amount, null,
              line.status, "the key is listed again"));
          continue;
        }
        Optional<PaymentRequest> recorded = store.findRequest(line.key);
        if (recorded.isEmpty() || !recorded.get().provider().equals(provider)) {
          mismatches.add(new StatementMismatch(Kind.MISSING_IN_LEDGER, number, line.key, null, line.amount, null,
              line.status, "no request with this key was made to " + provider));
          continue;
        }
        PaymentRequest r = recorded.get();
        Money amount = r.settledAmount();
        if (r.status() != line.status) {
          mismatches.add(new StatementMismatch(Kind.STATUS_DIFFERS, number, line.key, amount, line.amount,
              r.status(), line.status, "recorded " + r.status() + ", statement " + line.status));
        } else if (!amount.equals(line.amount)) {
          mismatches.add(new StatementMismatch(Kind.AMOUNT_DIFFERS, number, line.key, amount, line.amount,
              r.status(), line.status, "recorded " + amount.toPlainString() + ", statement "
                  + line.amount.toPlainString()));
        } else {
          matched++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PageRequest page = PageRequest.first(500);
    while (true) {
      Page<PaymentRequest> p = store.requestsBetween(provider, from, to, page);
      for (PaymentRequest r : p.items()) {
        if (!seen.contains(r.key())) {
          mismatches.add(new StatementMismatch(Kind.MISSING_IN_STATEMENT, 0, r.key(), r.settledAmount(), null,
              r.status(), null, "requested at " + r.requestedAt() + ", not in the statement"));
        }
      }
      if (!p.hasNext()) {
        break;
      }
      page = page.next(p);
    }
    return new StatementReport(provider, from, to, lines, matched, mismatches);
  }

  private record Line(RequestKey key, Money amount, PaymentStatus status, Instant time) {}

  private Line parse(String text) {
    List<String> f = fields(text);
    if (f.size() != 4) {
      throw new ValidationException("line", "referral.statement.fields", "four fields");
    }
    return new Line(RequestKey.of(f.get(0).strip()), Money.parse(f.get(1).strip(), currency),
        status(f.get(2).strip()), time(f.get(3).strip()));
  }

  private static PaymentStatus status(String s) {
    return switch (s.toUpperCase(Locale.ROOT)) {
      case "SUCCEEDED", "SUCCESS", "FINISHED" -> PaymentStatus.SUCCEEDED;
      case "FAILED", "FAIL", "CLOSED" -> PaymentStatus.FAILED;
      case "PENDING", "PROCESSING" -> PaymentStatus.PENDING;
      case "UNKNOWN" -> PaymentStatus.UNKNOWN;
      default -> throw new ValidationException("status", "referral.statement.status", "unknown status");
    };
  }

  private static Instant time(String s) {
    try {
      return s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s, LOCAL).atZone(Zones.CHINA).toInstant();
    }
  }

  /** Splits one CSV line: commas separate fields; a field in double quotes may hold commas and doubled quotes. */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new ValidationException("line", "referral.statement.quote", "an unclosed quote");
    }
    out.add(cur.toString());
    return out;
  }
}
