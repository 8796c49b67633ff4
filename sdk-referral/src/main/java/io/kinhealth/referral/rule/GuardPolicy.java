package io.kinhealth.referral.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyRole;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compliance guards on revenue-share rules, as versioned data citing its sources: which roles are medical staff,
 * which revenue they may not share in, whether they may be paid for referring patients, how deep referral rewards may
 * go, and whether sign-ups alone may be rewarded.
 *
 * <p>The SDK ships one reading of Chinese law ({@link #bundled()}, from {@code revenue-share-guards.json} next to
 * this class); a host whose counsel reads it differently loads its own file with {@link #fromJson(InputStream)}.
 * The law can change: publish a new version of the file rather than editing code. Immutable and thread-safe.
 */
public final class GuardPolicy {
  private static final String BUNDLED = "revenue-share-guards.json";
  private static final GuardPolicy BUNDLED_POLICY = load();

  private final String id;
  private final int version;
  private final LocalDate reviewed;
  private final Map<String, LegalSource> sources;
  private final Set<PartyRole> staffRoles;
  private final List<LegalSource> staffRoleSources;
  private final Set<RevenueCategory> staffRevenueBan;
  private final List<LegalSource> staffRevenueSources;
  private final boolean staffReferralFeeBan;
  private final List<LegalSource> staffReferralFeeSources;
  private final int defaultDepth;
  private final int hardMaxDepth;
  private final List<LegalSource> depthSources;
  private final boolean signUpRewardBan;
  private final List<LegalSource> signUpSources;

  private GuardPolicy(JsonNode root) {
    id = Check.text(text(root, "id"), "id", 100);
    version = (int) Check.positive(root.path("version").asInt(0), "version");
    try {
      reviewed = LocalDate.parse(text(root, "reviewed"));
    } catch (DateTimeParseException e) {
      throw invalid("reviewed", "a date such as 2026-11-25");
    }
    Map<String, LegalSource> s = new LinkedHashMap<>();
    for (JsonNode n : root.path("sources")) {
      LegalSource source = new LegalSource(text(n, "id"), text(n, "title"), n.path("issuer").asText(null),
          n.path("article").asText(null), n.path("year").asInt(0), n.path("note").asText(null));
      if (s.put(source.id(), source) != null) {
        throw invalid("sources", "duplicate source id " + source.id());
      }
    }
    sources = Collections.unmodifiableMap(s);

    JsonNode roles = root.path("staffRoles");
    Set<PartyRole> r = new LinkedHashSet<>();
    for (JsonNode n : roles.path("roles")) {
      r.add(PartyRole.of(n.asText()));
    }
    staffRoles = Collections.unmodifiableSet(r);
    staffRoleSources = cite(roles, "staffRoles");

    JsonNode revenue = root.path("staffRevenueBan");
    Set<RevenueCategory> c = EnumSet.noneOf(RevenueCategory.class);
    for (JsonNode n : revenue.path("categories")) {
      try {
        c.add(RevenueCategory.valueOf(n.asText()));
      } catch (IllegalArgumentException e) {
        throw invalid("staffRevenueBan.categories", "unknown revenue category " + n.asText());
      }
    }
    staffRevenueBan = Collections.unmodifiableSet(c);
    staffRevenueSources = cite(revenue, "staffRevenueBan");

    JsonNode referral = root.path("staffReferralFeeBan");
    staffReferralFeeBan = referral.path("enabled").asBoolean(true);
    staffReferralFeeSources = cite(referral, "staffReferralFeeBan");

    JsonNode depth = root.path("referralDepth");
    hardMaxDepth = depth.path("hardMax").asInt(0);
    defaultDepth = depth.path("default").asInt(0);
    if (hardMaxDepth < 1 || defaultDepth < 1 || defaultDepth > hardMaxDepth) {
      throw invalid("referralDepth", "need 1 <= default <= hardMax");
    }
    depthSources = cite(depth, "referralDepth");

    JsonNode signUp = root.path("signUpRewardBan");
    signUpRewardBan = signUp.path("enabled").asBoolean(true);
    signUpSources = cite(signUp, "signUpRewardBan");
  }

  /** The policy shipped with the SDK. */
  public static GuardPolicy bundled() {
    return BUNDLED_POLICY;
  }

  /** Reads a policy in the bundled file's format. */
  public static GuardPolicy fromJson(InputStream json) {
    Check.notNull(json, "json");
    try {
      return new GuardPolicy(new ObjectMapper().readTree(json));
    } catch (IOException e) {
      throw invalid("json", "not readable JSON");
    }
  }

  private static GuardPolicy load() {
    try (InputStream in = GuardPolicy.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLED);
      }
      return fromJson(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BUNDLED, e);
    }
  }

  private List<LegalSource> cite(JsonNode node, String field) {
    List<LegalSource> out = new ArrayList<>();
    for (JsonNode n : node.path("sources")) {
      LegalSource s = sources.get(n.asText());
      if (s == null) {
        throw invalid(field + ".sources", "cites unknown source " + n.asText());
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw invalid(field, field + " is required");
    }
    return v.asText();
  }

  private static ValidationException invalid(String field, String message) {
    return new ValidationException(field, "referral.policy.invalid", message);
  }

  public String id() {
    return id;
  }

  public int version() {
    return version;
  }

  /** When the SDK's team last checked this reading against its sources. */
  public LocalDate reviewed() {
    return reviewed;
  }

  public Map<String, LegalSource> sources() {
    return sources;
  }

  /** Roles counted as staff of a medical institution. */
  public Set<PartyRole> staffRoles() {
    return staffRoles;
  }

  public boolean isStaff(PartyRole role) {
    return staffRoles.contains(role);
  }

  /** Revenue categories staff may not be paid a share of. */
  public Set<RevenueCategory> staffRevenueBan() {
    return staffRevenueBan;
  }

  public List<LegalSource> staffRevenueSources() {
    return staffRevenueSources;
  }

  public List<LegalSource> staffRoleSources() {
    return staffRoleSources;
  }

  /** Whether staff may never be paid for referring patients. */
  public boolean staffReferralFeeBan() {
    return staffReferralFeeBan;
  }

  public List<LegalSource> staffReferralFeeSources() {
    return staffReferralFeeSources;
  }

  /** Referral levels rewarded unless a host configures fewer or more (never more than {@link #hardMaxDepth()}). */
  public int defaultDepth() {
    return defaultDepth;
  }

  /** Referral levels that may never be exceeded. */
  public int hardMaxDepth() {
    return hardMaxDepth;
  }

  public List<LegalSource> depthSources() {
    return depthSources;
  }

  public boolean signUpRewardBan() {
    return signUpRewardBan;
  }

  public List<LegalSource> signUpSources() {
    return signUpSources;
  }

  /** {@code kinhealth.referral.revenue-share-guards.cn v1}. */
  @Override
  public String toString() {
    return id + " v" + version;
  }
}
