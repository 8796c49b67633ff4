package io.kinhealth.family.risk;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.observation.ComponentType;
import io.kinhealth.family.observation.Observation;
import java.util.List;
import java.util.Optional;

/**
 * A threshold rule over single readings of one observation type: when {@code match} (ANY or ALL) of its criteria
 * hold for a reading in its {@link RuleScope}, the member has {@code condition} at {@code severity} — once
 * confirmed, if the rule asks for a {@link Confirmation}. Several rules share a condition as grades of it (grade 1, 2
 * and 3 hypertension are one condition): the most severe that holds wins, and one condition raises one open alert.
 *
 * <p>Each rule names its source (a key into the table's citations) and how far its values were checked
 * ({@link RuleReview}). Thresholds are in the component's canonical UCUM unit (mm[Hg], mmol/L, Cel, %, /min, kg).
 *
 * @param note what a reviewer should know about the rule's values (e.g. which parameter the SDK chose); may be null
 * @param dataCategory the consent category an alert of this rule falls under; null means the observation type's
 *     (pregnancy rules use {@code health.pregnancy}, since such an alert reveals a pregnancy)
 */
public record RiskRule(
    String key,
    String condition,
    String observationType,
    String display,
    AlertSeverity severity,
    Match match,
    List<Criterion> criteria,
    RuleScope scope,
    Confirmation confirmation,
    String dataCategory,
    String source,
    RuleReview review,
    String note) {

  /** How the criteria combine. */
  public enum Match {
    ANY,
    ALL
  }

  public RiskRule {
    key = Check.text(key, "rule.key", 100);
    condition = Check.text(condition, "rule.condition", 100);
    observationType = Check.text(observationType, "rule.type", 64);
    display = Check.text(display, "rule.display", 200);
    Check.notNull(severity, "rule.severity");
    Check.notNull(match, "rule.match");
    criteria = List.copyOf(Check.notEmpty(criteria, "rule.criteria"));
    scope = scope == null ? RuleScope.ANY : scope;
    if (dataCategory != null) {
      dataCategory = Check.text(dataCategory, "rule.dataCategory", 100);
    }
    source = Check.text(source, "rule.source", 100);
    Check.notNull(review, "rule.review");
    if (note != null) {
      note = Check.text(note, "rule.note", 1000);
    }
  }

  /**
   * Whether the values of a reading meet the criteria (scope and confirmation are checked separately): in the
   * canonical unit, or in the unit the reading was entered in where the criterion states the guideline's threshold
   * in that unit.
   */
  public boolean valuesMatch(Observation reading) {
    List<ComponentType> components = reading.type().components();
    for (Criterion c : criteria) {
      int i = 0;
      while (!components.get(i).key().equals(c.component())) {
        i++;
      }
      String unit = reading.provenance().originalUnit();
      Optional<Double> own = c.thresholdIn(unit);
      boolean holds = own.isPresent()
          ? c.operator().test(reading.provenance().originalValues().get(i), own.get())
          : c.test(reading.values().get(i).value());
      if (match == Match.ANY && holds) {
        return true;
      }
      if (match == Match.ALL && !holds) {
        return false;
      }
    }
    return match == Match.ALL;
  }

  public Optional<Confirmation> knownConfirmation() {
    return Optional.ofNullable(confirmation);
  }

  public Optional<String> knownDataCategory() {
    return Optional.ofNullable(dataCategory);
  }
}
