package io.kinhealth.family.risk;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.GestationalAge;
import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.MeasurementSite;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;

/**
 * The circumstances in which a rule applies, read from the reading's context and the member:
 * <ul>
 *   <li>{@code settings}: HOME and/or CLINIC (empty: either);
 *   <li>{@code sites}: measurement sites (null: any site or none), with {@code unknownSite} saying whether a reading
 *       without a site counts (home thermometers rarely say; the default tables treat it as axillary);
 *   <li>{@code meals}: relations to food (null: any; a reading without one never matches a rule that names some);
 *   <li>{@code minAge} (inclusive) and {@code maxAge} (exclusive) on the reading's local date; a member whose birth
 *       date is unknown is taken as an adult: she matches rules with no {@code maxAge} only;
 *   <li>{@code pregnant}: true or false (null: either); a member is pregnant when the reading carries a gestational
 *       age or her pregnancy calendar gives one for that day;
 *   <li>{@code fromWeek} (inclusive) and {@code toWeek} (exclusive) of gestation, in completed weeks: a rule with
 *       either needs a known gestational age, unless {@code whenGestationUnknown} lets it apply without one.
 * </ul>
 */
public record RuleScope(
    Set<MeasurementSetting> settings,
    Set<MeasurementSite> sites,
    boolean unknownSite,
    Set<MealRelation> meals,
    Period minAge,
    Period maxAge,
    Boolean pregnant,
    Integer fromWeek,
    Integer toWeek,
    boolean whenGestationUnknown) {

  /** Applies always. */
  public static final RuleScope ANY = new RuleScope(Set.of(), null, true, null, null, null, null, null, null, false);

  public RuleScope {
    settings = settings == null || settings.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(settings));
    sites = sites == null ? null : Set.copyOf(Check.noNulls(sites, "scope.sites"));
    meals = meals == null ? null : Set.copyOf(Check.noNulls(meals, "scope.meals"));
    if (fromWeek != null) {
      Check.inRange(fromWeek, 0, 45, "scope.fromWeek");
    }
    if (toWeek != null) {
      Check.inRange(toWeek, 1, 46, "scope.toWeek");
      Check.that(fromWeek == null || fromWeek < toWeek, "scope.toWeek", "risk.scope.weeks",
          "fromWeek comes before toWeek");
    }
    Check.that(!Boolean.FALSE.equals(pregnant) || (fromWeek == null && toWeek == null), "scope.pregnant",
        "risk.scope.contradiction", "a rule for members who are not pregnant cannot name gestational weeks");
  }

  /** Whether a reading in {@code context} with this site and meal relation is in scope. */
  public boolean matches(RiskContext context, MeasurementSite site, MealRelation meal) {
    if (!settings.isEmpty() && !settings.contains(context.setting())) {
      return false;
    }
    if (sites != null && (site == null ? !unknownSite : !sites.contains(site))) {
      return false;
    }
    if (meals != null && (meal == null || !meals.contains(meal))) {
      return false;
    }
    if (!ageMatches(context.birthDate(), context.localDate())) {
      return false;
    }
    GestationalAge ga = context.gestationalAge();
    if (pregnant != null && pregnant != (ga != null)) {
      return false;
    }
    if (fromWeek != null || toWeek != null) {
      if (ga == null) {
        return whenGestationUnknown;
      }
      return (fromWeek == null || ga.weeks() >= fromWeek) && (toWeek == null || ga.weeks() < toWeek);
    }
    return true;
  }

  private boolean ageMatches(LocalDate birthDate, LocalDate on) {
    if (minAge == null && maxAge == null) {
      return true;
    }
    if (birthDate == null) {
      return maxAge == null;
    }
    return (minAge == null || !on.isBefore(birthDate.plus(minAge)))
        && (maxAge == null || on.isBefore(birthDate.plus(maxAge)));
  }
}
