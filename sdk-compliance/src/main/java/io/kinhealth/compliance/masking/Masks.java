package io.kinhealth.compliance.masking;

import io.kinhealth.core.validation.Check;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.Optional;

/**
 * The display masks in common use in China (GB/T 35273-2020 §7.4) and the generalisations of de-identification.
 *
 * <ul>
 *   <li>{@link #mobile()}: {@code 180****1999}; {@link #residentId()}: first and last two kept,
 *       {@code 1***************1X}; {@link #name()}: {@code 段**}; {@link #bankCard()}:
 *       {@code 6222 **** **** **** 3256}; {@link #address()}: up to the district, {@code 北京市海淀区****};
 *       {@link #email()}: {@code z***@example.cn}.
 *   <li>{@link #dateToYear()}, {@link #dateToMonth()}; {@link #ageBand(int)}: {@code 30-39};
 *       {@link #generalise(long)}: {@code 120-129}; {@link #redact()}: {@code ***}; {@link #keep()}.
 * </ul>
 * A value of an unexpected shape is redacted entirely rather than shown half-masked.
 */
public final class Masks {
  private Masks() {}

  /** What a mask shows instead of a value it must hide completely. */
  public static final String REDACTED = "***";

  private static final Mask KEEP = named("keep", v -> v);
  private static final Mask REDACT = named("redact", v -> REDACTED);
  private static final Mask MOBILE = text("mobile", Masks::maskMobile);
  private static final Mask RESIDENT_ID = text("resident_id", Masks::maskResidentId);
  private static final Mask NAME = text("name", Masks::maskName);
  private static final Mask BANK_CARD = text("bank_card", Masks::maskBankCard);
  private static final Mask ADDRESS = text("address", Masks::maskAddress);
  private static final Mask EMAIL = text("email", Masks::maskEmail);
  private static final Mask DATE_TO_YEAR = named("date_to_year", v -> date(v).map(d -> (Object) Integer.toString(
      d.getYear())).orElse(REDACTED));
  private static final Mask DATE_TO_MONTH = named("date_to_month", v -> date(v).map(d -> (Object) String.format(
      "%04d-%02d", d.getYear(), d.getMonthValue())).orElse(REDACTED));

  private static final Map<String, Mask> PRESETS = Map.ofEntries(Map.entry("keep", KEEP),
      Map.entry("redact", REDACT), Map.entry("mobile", MOBILE), Map.entry("resident_id", RESIDENT_ID),
      Map.entry("name", NAME), Map.entry("bank_card", BANK_CARD), Map.entry("address", ADDRESS),
      Map.entry("email", EMAIL), Map.entry("date_to_year", DATE_TO_YEAR), Map.entry("date_to_month", DATE_TO_MONTH),
      Map.entry("age_band", ageBand(10)));

  public static Mask keep() {
    return KEEP;
  }

  public static Mask redact() {
    return REDACT;
  }

  public static Mask mobile() {
    return MOBILE;
  }

  public static Mask residentId() {
    return RESIDENT_ID;
  }

  public static Mask name() {
    return NAME;
  }

  public static Mask bankCard() {
    return BANK_CARD;
  }

  public static Mask address() {
    return ADDRESS;
  }

  public static Mask email() {
    return EMAIL;
  }

  public static Mask dateToYear() {
    return DATE_TO_YEAR;
  }

  public static Mask dateToMonth() {
    return DATE_TO_MONTH;
  }

  /** An age in years shown as its band of {@code width} years: 34 with width 10 is {@code 30-39}. */
  public static Mask ageBand(int width) {
    Check.inRange(width, 1, 200, "width");
    return named(width == 10 ? "age_band" : "age_band_" + width, v -> number(v)
        .map(n -> (Object) band((long) Math.floor(n), width)).orElse(REDACTED));
  }

  /** A number shown as its interval of {@code step}: 127 with step 10 is {@code 120-129}. */
  public static Mask generalise(long step) {
    Check.positive(step, "step");
    return named("generalise_" + step, v -> number(v).map(n -> (Object) band((long) Math.floor(n), step))
        .orElse(REDACTED));
  }

  /** A preset by name ({@code mobile}, {@code resident_id}, ...), if there is one. Keyed masks are not presets. */
  public static Optional<Mask> preset(String name) {
    return Optional.ofNullable(name == null ? null : PRESETS.get(name));
  }

  /** A mask with a name from a function; the function must not throw. */
  public static Mask named(String name, java.util.function.UnaryOperator<Object> f) {
    String n = Check.text(name, "mask.name", 64);
    Check.notNull(f, "mask");
    return new Mask() {
      @Override
      public String name() {
        return n;
      }

      @Override
      public Object apply(Object value) {
        return value == null ? null : f.apply(value);
      }

      @Override
      public String toString() {
        return "Mask[" + n + "]";
      }
    };
  }

  private static Mask text(String name, java.util.function.UnaryOperator<String> f) {
    return named(name, v -> {
      String s = v.toString().strip();
      return s.isEmpty() ? REDACTED : f.apply(s);
    });
  }

  static String maskMobile(String s) {
    String digits = s.replaceAll("[\\s-]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    }
    if (digits.length() != 11 || !digits.chars().allMatch(Character::isDigit)) {
      return REDACTED;
    }
    return digits.substring(0, 3) + "****" + digits.substring(7);
  }

  static String maskResidentId(String s) {
    String id = s.replace(" ", "");
    if (id.length() != 18 && id.length() != 15) {
      return REDACTED;
    }
    return id.charAt(0) + "*".repeat(id.length() - 3) + id.substring(id.length() - 2);
  }

  static String maskName(String s) {
    int first = s.offsetByCodePoints(0, 1);
    int rest = s.codePointCount(first, s.length());
    return s.substring(0, first) + "*".repeat(Math.max(rest, 1));
  }

  static String maskBankCard(String s) {
    String digits = s.replaceAll("[\\s-]", "");
    if (digits.length() < 12 || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
      return REDACTED;
    }
    StringBuilder sb = new StringBuilder(digits.substring(0, 4));
    int middle = digits.length() - 8;
    for (int i = 0; i < (middle + 3) / 4; i++) {
      sb.append(" ****");
    }
    return sb.append(' ').append(digits.substring(digits.length() - 4)).toString();
  }

  /** Keeps the address up to the first district-level marker (区, 县, 市 after a province), masks the rest. */
  static String maskAddress(String s) {
    int cut = -1;
    for (String marker : new String[] {"区", "县", "旗"}) {
      int i = s.indexOf(marker);
      if (i > 0 && (cut < 0 || i < cut)) {
        cut = i;
      }
    }
    if (cut < 0) {
      int city = s.indexOf("市");
      cut = city > 0 ? city : Math.min(3, s.length() - 1);
    }
    return s.substring(0, cut + 1) + "****";
  }

  static String maskEmail(String s) {
    int at = s.indexOf('@');
    if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
      return REDACTED;
    }
    return s.charAt(0) + "***" + s.substring(at);
  }

  private static Optional<LocalDate> date(Object v) {
    if (v instanceof LocalDate d) {
      return Optional.of(d);
    }
    if (v instanceof LocalDateTime d) {
      return Optional.of(d.toLocalDate());
    }
    if (v instanceof ZonedDateTime d) {
      return Optional.of(d.toLocalDate());
    }
    if (v instanceof OffsetDateTime d) {
      return Optional.of(d.toLocalDate());
    }
    if (v instanceof TemporalAccessor) {
      return Optional.empty();
    }
    String s = v.toString().strip();
    try {
      return Optional.of(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Double> number(Object v) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    }
    try {
      double d = Double.parseDouble(v.toString().strip());
      return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String band(long value, long width) {
    long lo = Math.floorDiv(value, width) * width;
    return lo + "-" + (lo + width - 1);
  }
}
