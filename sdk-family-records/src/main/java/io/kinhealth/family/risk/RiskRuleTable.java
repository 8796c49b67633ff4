package io.kinhealth.family.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.internal.DefaultTables;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.MeasurementSite;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The risk rules as versioned data: threshold rules ({@link RiskRule}), the reduced-fetal-movements rule and the
 * pregnancy weight-gain rule, each citing one of the table's sources and saying how far it was checked
 * ({@link RuleReview}). {@link #defaults()} is loaded from {@value #DEFAULT_RESOURCE}.
 *
 * <p><b>Clinical review:</b> the default table transcribes the thresholds of the KinHealth domain handbook
 * (Chinese hypertension guideline, pregnancy hypertension and GDM criteria, ADA hypoglycaemia levels, fever grades,
 * SpO2 and fetal heart-rate ranges, birth weight). Values the handbook marks as hospital guidance, and values the SDK
 * chose where the sources are silent (temperature sites other than axillary/oral, the fetal-heart-rate week range,
 * the 7-day confirmation window, severities), are marked {@link RuleReview#NEEDS_CLINICIAN_SIGN_OFF} or
 * {@link RuleReview#UNVERIFIED}: a host's clinicians review the table and ship their own with {@link #load} or
 * {@link #builder(RiskRuleTable)}. Immutable and thread-safe.
 */
public final class RiskRuleTable {
  public static final String DEFAULT_RESOURCE = "/io/kinhealth/family/risk/risk-rules-v1.json";
  /** The token that stands for "no site recorded" in a rule's site list. */
  public static final String UNKNOWN_SITE = "UNKNOWN";

  private final String version;
  private final Map<String, String> sources;
  private final List<RiskRule> rules;
  private final FetalMovementRule fetalMovements;
  private final WeightGainRule weightGain;

  private RiskRuleTable(Builder b) {
    this.version = Check.text(b.version, "version", 100);
    this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(b.sources));
    this.rules = List.copyOf(b.rules.values());
    this.fetalMovements = b.fetalMovements;
    this.weightGain = b.weightGain;
    Set<String> keys = new HashSet<>();
    for (RiskRule r : rules) {
      requireSource(r.source(), "rules." + r.key() + ".source");
      keys.add(r.key());
    }
    if (fetalMovements != null) {
      requireSource(fetalMovements.source(), "fetalMovements.source");
      Check.that(keys.add(fetalMovements.key()) && keys.add(fetalMovements.dropKey()), "fetalMovements.key",
          "risk.rule.duplicate", "rule keys are unique");
    }
    if (weightGain != null) {
      requireSource(weightGain.source(), "weightGain.source");
      Check.that(keys.add(weightGain.keyAbove()) && keys.add(weightGain.keyBelow()), "weightGain.keyAbove",
          "risk.rule.duplicate", "rule keys are unique");
    }
  }

  private void requireSource(String key, String field) {
    if (!sources.containsKey(key)) {
      throw new ValidationException(field, "risk.source.unknown", "every rule cites one of the table's sources");
    }
  }

  /** The SDK's default rules (see the class notes on clinical review). */
  public static RiskRuleTable defaults() {
    return Defaults.TABLE;
  }

  /** Loaded on first use (the holder idiom: thread-safe, no locking after). */
  private static final class Defaults {
    static final RiskRuleTable TABLE = DefaultTables.load(RiskRuleTable.class, DEFAULT_RESOURCE, RiskRuleTable::load, "risk_rules");
  }


  /** Loads a table in the format of {@value #DEFAULT_RESOURCE}. */
  public static RiskRuleTable load(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Check.notNull(json, "json"));
    Builder b = new Builder(root.path("version").asText(null));
    root.path("sources").fields().forEachRemaining(e -> b.source(e.getKey(), e.getValue().asText()));
    for (JsonNode r : root.path("rules")) {
      b.rule(parseRule(r));
    }
    JsonNode fm = root.path("fetalMovements");
    if (!fm.isMissingNode() && !fm.isNull()) {
      b.fetalMovements(new FetalMovementRule(fm.path("key").asText(null), fm.path("dropKey").asText(null),
          fm.path("condition").asText(null), fm.path("display").asText(null), fm.path("fromWeek").asInt(-1),
          fm.path("minPerWindow").asDouble(0), Duration.parse(fm.path("window").asText("PT12H")),
          Duration.parse(fm.path("minCounted").asText("PT3H")), fm.path("dropFraction").asDouble(0),
          fm.path("baselineDays").asInt(0), AlertSeverity.valueOf(fm.path("severity").asText()),
          fm.path("source").asText(null), RuleReview.valueOf(fm.path("review").asText())));
    }
    JsonNode wg = root.path("weightGain");
    if (!wg.isMissingNode() && !wg.isNull()) {
      b.weightGain(new WeightGainRule(wg.path("keyAbove").asText(null), wg.path("keyBelow").asText(null),
          wg.path("conditionAbove").asText(null), wg.path("conditionBelow").asText(null),
          AlertSeverity.valueOf(wg.path("severityAbove").asText()),
          AlertSeverity.valueOf(wg.path("severityBelow").asText()), wg.path("source").asText(null),
          RuleReview.valueOf(wg.path("review").asText())));
    }
    return b.build();
  }

  private static RiskRule parseRule(JsonNode r) {
    String key = r.path("key").asText(null);
    try {
      List<Criterion> criteria = new ArrayList<>();
      for (JsonNode c : r.path("criteria")) {
        Map<String, Double> byUnit = new LinkedHashMap<>();
        c.path("valueIn").fields().forEachRemaining(e -> byUnit.put(e.getKey(), e.getValue().asDouble(Double.NaN)));
        criteria.add(new Criterion(c.path("component").asText(null), Operator.ofSymbol(c.path("op").asText()),
            c.path("value").asDouble(Double.NaN), byUnit));
      }
      JsonNode s = r.path("scope");
      Set<MeasurementSetting> settings = EnumSet.noneOf(MeasurementSetting.class);
      s.path("settings").forEach(n -> settings.add(MeasurementSetting.valueOf(n.asText())));
      Set<MeasurementSite> sites = null;
      boolean unknownSite = true;
      if (s.has("sites")) {
        sites = EnumSet.noneOf(MeasurementSite.class);
        unknownSite = false;
        for (JsonNode n : s.get("sites")) {
          if (UNKNOWN_SITE.equals(n.asText())) {
            unknownSite = true;
          } else {
            sites.add(MeasurementSite.valueOf(n.asText()));
          }
        }
      }
      Set<MealRelation> meals = null;
      if (s.has("meals")) {
        meals = EnumSet.noneOf(MealRelation.class);
        for (JsonNode n : s.get("meals")) {
          meals.add(MealRelation.valueOf(n.asText()));
        }
      }
      JsonNode age = s.path("age");
      JsonNode weeks = s.path("gestationalWeeks");
      RuleScope scope = new RuleScope(settings, sites, unknownSite, meals,
          age.hasNonNull(0) ? Period.parse(age.get(0).asText()) : null,
          age.hasNonNull(1) ? Period.parse(age.get(1).asText()) : null,
          s.hasNonNull("pregnant") ? s.get("pregnant").asBoolean() : null,
          weeks.hasNonNull(0) ? weeks.get(0).asInt() : null, weeks.hasNonNull(1) ? weeks.get(1).asInt() : null,
          s.path("whenGestationUnknown").asBoolean(false));
      Confirmation confirmation = null;
      JsonNode c = r.path("confirmation");
      if (!c.isMissingNode() && !c.isNull()) {
        confirmation = new Confirmation(c.path("readings").asInt(2), Duration.parse(c.path("minSpacing").asText()),
            Duration.parse(c.path("within").asText()),
            c.hasNonNull("unconfirmedSeverity") ? AlertSeverity.valueOf(c.get("unconfirmedSeverity").asText()) : null);
      }
      return new RiskRule(key, r.path("condition").asText(null), r.path("type").asText(null),
          r.path("display").asText(null), AlertSeverity.valueOf(r.path("severity").asText()),
          RiskRule.Match.valueOf(r.path("match").asText("ANY")), criteria, scope, confirmation,
          r.hasNonNull("dataCategory") ? r.get("dataCategory").asText() : null, r.path("source").asText(null),
          RuleReview.valueOf(r.path("review").asText()), r.hasNonNull("note") ? r.get("note").asText() : null);
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw new ValidationException("rules." + key, "risk.rule.malformed", "a rule has an unknown value: "
          + e.getClass().getSimpleName());
    }
  }

  /** A builder starting from an existing table (to add, replace or drop rules); the version gets {@code +host}. */
  public static Builder builder(RiskRuleTable base) {
    Builder b = new Builder(base.version + "+host");
    base.sources.forEach(b::source);
    base.rules.forEach(b::rule);
    b.fetalMovements = base.fetalMovements;
    b.weightGain = base.weightGain;
    return b;
  }

  public static Builder builder(String version) {
    return new Builder(version);
  }

  /** The table's version, recorded on every alert it raises, e.g. {@code risk-rules/2026.1}. */
  public String version() {
    return version;
  }

  /** Citations by key. */
  public Map<String, String> sources() {
    return sources;
  }

  public List<RiskRule> rules() {
    return rules;
  }

  public Optional<RiskRule> rule(String key) {
    return rules.stream().filter(r -> r.key().equals(key)).findFirst();
  }

  public Optional<FetalMovementRule> fetalMovements() {
    return Optional.ofNullable(fetalMovements);
  }

  public Optional<WeightGainRule> weightGain() {
    return Optional.ofNullable(weightGain);
  }

  /** Collects a table; a later rule with the same key replaces an earlier one. */
  public static final class Builder {
    private final String version;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, RiskRule> rules = new LinkedHashMap<>();
    private FetalMovementRule fetalMovements;
    private WeightGainRule weightGain;

    private Builder(String version) {
      this.version = version;
    }

    public Builder source(String key, String citation) {
      sources.put(Check.text(key, "source.key", 100), Check.text(citation, "source.citation", 1000));
      return this;
    }

    public Builder rule(RiskRule rule) {
      Check.notNull(rule, "rule");
      rules.put(rule.key(), rule);
      return this;
    }

    public Builder withoutRule(String key) {
      rules.remove(key);
      return this;
    }

    public Builder fetalMovements(FetalMovementRule rule) {
      this.fetalMovements = rule;
      return this;
    }

    public Builder weightGain(WeightGainRule rule) {
      this.weightGain = rule;
      return this;
    }

    public RiskRuleTable build() {
      return new RiskRuleTable(this);
    }
  }
}
