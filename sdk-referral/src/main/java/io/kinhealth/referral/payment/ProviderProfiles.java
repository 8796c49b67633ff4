package io.kinhealth.referral.payment;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Provider profiles as data: a properties revision naming each profile's limits, its sources and which of them are
 * unverified defaults. {@link #bundled()} reads the revision shipped with the SDK ({@code provider-profiles.properties}
 * next to this class); {@link #load(Reader)} reads a host's own revision in the same format.
 */
public final class ProviderProfiles {
  private static final String RESOURCE = "provider-profiles.properties";
  private static volatile Map<String, ProviderProfile> bundled;

  private ProviderProfiles() {}

  /** The bundled revision's profiles by id, in file order. */
  public static Map<String, ProviderProfile> bundled() {
    Map<String, ProviderProfile> b = bundled;
    if (b == null) {
      try (InputStream in = ProviderProfiles.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the SDK jar");
        }
        b = load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = b;
    }
    return b;
  }

  /** WeChat Pay profit sharing and merchant transfers. */
  public static ProviderProfile wechatPay() {
    return bundled().get("wechat");
  }

  /** Alipay settle in synchronous mode (5 receivers per call, all or nothing). */
  public static ProviderProfile alipaySync() {
    return bundled().get("alipay-sync");
  }

  /** Alipay settle in asynchronous mode (50 receivers per call, partial success). */
  public static ProviderProfile alipayAsync() {
    return bundled().get("alipay-async");
  }

  /**
   * Reads a revision: {@code revision}, {@code profiles} (comma-separated ids) and per id the keys of the bundled
   * file. Every key is required.
   *
   * @throws ValidationException naming the first missing or malformed key
   */
  public static Map<String, ProviderProfile> load(Reader reader) {
    Check.notNull(reader, "reader");
    Properties p = new Properties();
    try {
      p.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("profiles", "referral.profile.malformed", "not a properties file");
    }
    String revision = required(p, "revision");
    Map<String, ProviderProfile> out = new LinkedHashMap<>();
    for (String id : required(p, "profiles").split(",")) {
      String k = id.strip();
      out.put(k, new ProviderProfile(k, required(p, k + ".displayName"), required(p, k + ".provider"),
          integer(p, k + ".maxReceiversPerSplit"), integer(p, k + ".maxSplitsPerOrder"),
          BasisPoints.of(integer(p, k + ".maxSplitRatioBasisPoints")), bool(p, k + ".partialSuccess"),
          bool(p, k + ".returnsFromPersonal"), Duration.ofDays(integer(p, k + ".returnWindowDays")),
          integer(p, k + ".maxReturnsPerSplit"), Duration.ofDays(integer(p, k + ".freezeDays")),
          Money.ofMinor(integer(p, k + ".minimumTransferFen")), keyFormat(p, k + ".splitKey"),
          keyFormat(p, k + ".returnKey"), keyFormat(p, k + ".transferKey"), revision, required(p, k + ".source"),
          list(p.getProperty(k + ".unverified", ""))));
    }
    return Collections.unmodifiableMap(out);
  }

  private static KeyFormat keyFormat(Properties p, String prefix) {
    return new KeyFormat(integer(p, prefix + ".maxLength"), p.getProperty(prefix + ".punctuation", "").strip());
  }

  private static Set<String> list(String s) {
    return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).collect(Collectors.toSet());
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new ValidationException(key, "referral.profile.missing", "the profile revision lacks " + key);
    }
    return v.strip();
  }

  private static int integer(Properties p, String key) {
    try {
      return Integer.parseInt(required(p, key));
    } catch (NumberFormatException e) {
      throw new ValidationException(key, "referral.profile.malformed", key + " must be an integer");
    }
  }

  private static boolean bool(Properties p, String key) {
    String v = required(p, key);
    if (!v.equals("true") && !v.equals("false")) {
      throw new ValidationException(key, "referral.profile.malformed", key + " must be true or false");
    }
    return Boolean.parseBoolean(v);
  }
}
