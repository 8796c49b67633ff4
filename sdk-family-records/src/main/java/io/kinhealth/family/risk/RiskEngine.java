package io.kinhealth.family.risk;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.calendar.Pregnancy;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.observation.Aggregation;
import io.kinhealth.family.observation.ComponentType;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.ObservationTypes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Applies a {@link RiskRuleTable} to readings: for one reading, in its {@link RiskContext}, with the member's
 * readings of the same type around it, the findings it triggers — at most one per condition, the most severe (a
 * confirmed finding beats an unconfirmed one of the same severity; on a tie the earlier rule in the table wins).
 *
 * <p>Guarantees: pure (no I/O, no clock; the caller supplies history and contexts), deterministic, and independent
 * of the order readings arrived in (a confirming reading is looked for before and after the reading). Only
 * individual readings are judged, never summaries. Thread-safe.
 */
public final class RiskEngine {
  /** Gives the context of any of the member's readings (history readings need theirs to be judged in scope). */
  @FunctionalInterface
  public interface ContextResolver {
    RiskContext contextOf(Observation reading);
  }

  private static final String PREGNANCY_CATEGORY = "health.pregnancy";

  private final RiskRuleTable table;
  private final ObservationTypes types;
  private final WeightGainStandard weights;
  private final Map<String, List<RiskRule>> byType = new HashMap<>();
  private final Map<String, Duration> history = new HashMap<>();

  private RiskEngine(RiskRuleTable table, ObservationTypes types, WeightGainStandard weights) {
    this.table = Check.notNull(table, "rules");
    this.types = Check.notNull(types, "types");
    this.weights = Check.notNull(weights, "weightGainStandard");
    for (RiskRule r : table.rules()) {
      ObservationType t = types.find(r.observationType()).orElseThrow(() -> new ValidationException(
          "rules." + r.key() + ".type", "risk.rule.type_unknown", "a rule names an observation type not registered"));
      for (Criterion c : r.criteria()) {
        if (t.components().stream().map(ComponentType::key).noneMatch(c.component()::equals)) {
          throw new ValidationException("rules." + r.key() + ".criteria", "risk.rule.component_unknown",
              "a rule compares a component its type does not have");
        }
      }
      Check.that(t.aggregation() == Aggregation.SAMPLE, "rules." + r.key() + ".type", "risk.rule.type_total",
          "threshold rules judge individual samples, not counts");
      byType.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(r);
      r.knownConfirmation().ifPresent(c -> history.merge(t.key(), c.within(), RiskEngine::max));
    }
    table.fetalMovements().ifPresent(fm -> {
      types.get(ObservationTypes.FETAL_MOVEMENTS);
      history.merge(ObservationTypes.FETAL_MOVEMENTS, fm.window().plusDays(fm.baselineDays() + 1L), RiskEngine::max);
    });
    table.weightGain().ifPresent(wg -> types.get(ObservationTypes.BODY_WEIGHT));
  }

  public static RiskEngine of(RiskRuleTable table, ObservationTypes types, WeightGainStandard weights) {
    return new RiskEngine(table, types, weights);
  }

  /** The engine on the default rules, types and weight-gain table. */
  public static RiskEngine defaults() {
    return of(RiskRuleTable.defaults(), ObservationTypes.defaults(), WeightGainStandard.defaults());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  public RiskRuleTable table() {
    return table;
  }

  public WeightGainStandard weightGainStandard() {
    return weights;
  }

  /** Whether any rule judges readings of this type. */
  public boolean watches(String type) {
    return byType.containsKey(type)
        || (ObservationTypes.FETAL_MOVEMENTS.equals(type) && table.fetalMovements().isPresent())
        || (ObservationTypes.BODY_WEIGHT.equals(type) && table.weightGain().isPresent());
  }

  /** How far before and after a reading its history must reach for the rules of its type. */
  public Duration historyNeeded(String type) {
    return history.getOrDefault(type, Duration.ZERO);
  }

  /**
   * The findings of one reading. {@code around} holds the member's readings of the same type within
   * {@link #historyNeeded} of it (it may include the reading itself, and more; extra readings are ignored).
   */
  public List<RiskFinding> evaluate(Observation reading, List<Observation> around, ContextResolver contexts) {
    Check.notNull(reading, "reading");
    Check.noNulls(around, "around");
    Check.notNull(contexts, "contexts");
    if (!reading.isIndividual()) {
      return List.of();
    }
    RiskContext ctx = contexts.contextOf(reading);
    Map<String, RiskFinding> best = new LinkedHashMap<>();
    String type = reading.type().key();
    for (RiskRule rule : byType.getOrDefault(type, List.of())) {
      if (!inScope(rule, reading, ctx) || !rule.valuesMatch(reading)) {
        continue;
      }
      Confirmation confirmation = rule.confirmation();
      if (confirmation == null) {
        keep(best, finding(rule, rule.severity(), false, reading, List.of(reading)));
        continue;
      }
      Observation partner = partner(rule, confirmation, reading, around, contexts);
      if (partner != null) {
        keep(best, finding(rule, rule.severity(), false, reading, List.of(reading, partner)));
      } else if (confirmation.unconfirmedSeverity() != null) {
        keep(best, finding(rule, confirmation.unconfirmedSeverity(), true, reading, List.of(reading)));
      }
    }
    if (ObservationTypes.FETAL_MOVEMENTS.equals(type)) {
      table.fetalMovements().ifPresent(fm -> fetalMovements(fm, reading, ctx, around, contexts)
          .forEach(f -> keep(best, f)));
    }
    if (ObservationTypes.BODY_WEIGHT.equals(type)) {
      table.weightGain().ifPresent(wg -> weightGain(wg, reading, ctx).ifPresent(f -> keep(best, f)));
    }
    return List.copyOf(best.values());
  }

  private static boolean inScope(RiskRule rule, Observation o, RiskContext ctx) {
    return rule.scope().matches(ctx, o.context().site(), o.context().meal());
  }

  private static void keep(Map<String, RiskFinding> best, RiskFinding f) {
    best.merge(f.condition(), f, (a, b) -> {
      int c = b.severity().compareTo(a.severity());
      if (c > 0 || (c == 0 && a.awaitingConfirmation() && !b.awaitingConfirmation())) {
        return b;
      }
      return a;
    });
  }

  private RiskFinding finding(RiskRule rule, AlertSeverity severity, boolean awaiting, Observation trigger,
      List<Observation> evidence) {
    String category = rule.dataCategory() != null ? rule.dataCategory() : trigger.type().dataCategory();
    return new RiskFinding(rule.key(), rule.condition(), trigger.type().key(), category, severity, awaiting, trigger,
        evidence, table.version());
  }

  /** The qualifying reading closest in time that is far enough from, and near enough to, the reading. */
  private static Observation partner(RiskRule rule, Confirmation c, Observation reading, List<Observation> around,
      RiskEngine.ContextResolver contexts) {
    Observation best = null;
    long bestGap = Long.MAX_VALUE;
    long min = c.minSpacing().toMillis();
    long max = c.within().toMillis();
    for (Observation h : around) {
      if (h.id().equals(reading.id()) || !h.isIndividual()) {
        continue;
      }
      long gap = Math.abs(h.effectiveAt().toEpochMilli() - reading.effectiveAt().toEpochMilli());
      if (gap < min || gap > max || gap > bestGap) {
        continue;
      }
      if (!rule.valuesMatch(h) || !inScope(rule, h, contexts.contextOf(h))) {
        continue;
      }
      if (gap < bestGap || h.id().value().compareTo(best.id().value()) < 0) {
        best = h;
        bestGap = gap;
      }
    }
    return best;
  }

  private List<RiskFinding> fetalMovements(FetalMovementRule fm, Observation reading, RiskContext ctx,
      List<Observation> around, ContextResolver contexts) {
    if (ctx.gestationalAge() == null || ctx.gestationalAge().weeks() < fm.fromWeek()) {
      return List.of();
    }
    Instant end = reading.knownEnd().orElse(reading.effectiveAt());
    List<Observation> all = new ArrayList<>(around);
    if (all.stream().noneMatch(o -> o.id().equals(reading.id()))) {
      all.add(reading);
    }
    List<Observation> window = counts(all, o -> !o.effectiveAt().isBefore(end.minus(fm.window()))
        && !o.knownEnd().orElse(o.effectiveAt()).isAfter(end));
    OptionalDouble current = estimate(window, fm);
    if (current.isEmpty()) {
      return List.of();
    }
    List<Observation> evidence = new ArrayList<>();
    evidence.add(reading);
    window.stream().filter(o -> !o.id().equals(reading.id())).forEach(evidence::add);
    List<RiskFinding> out = new ArrayList<>(2);
    if (current.getAsDouble() < fm.minPerWindow() - Operator.TOLERANCE) {
      out.add(fetalFinding(fm, fm.key(), reading, evidence));
    }
    double sum = 0;
    int days = 0;
    for (int d = 1; d <= fm.baselineDays(); d++) {
      LocalDate day = ctx.localDate().minusDays(d);
      OptionalDouble e = estimate(counts(all, o -> contexts.contextOf(o).localDate().equals(day)), fm);
      if (e.isPresent()) {
        sum += e.getAsDouble();
        days++;
      }
    }
    if (days > 0) {
      double baseline = sum / days;
      if (baseline > 0 && current.getAsDouble() <= baseline * (1 - fm.dropFraction()) + Operator.TOLERANCE) {
        out.add(fetalFinding(fm, fm.dropKey(), reading, evidence));
      }
    }
    return out;
  }

  private RiskFinding fetalFinding(FetalMovementRule fm, String key, Observation reading, List<Observation> evidence) {
    return new RiskFinding(key, fm.condition(), reading.type().key(), PREGNANCY_CATEGORY, fm.severity(), false,
        reading, evidence, table.version());
  }

  /** Count records passing {@code filter}, in time order, leaving out any that overlap one already taken. */
  private static List<Observation> counts(List<Observation> all, java.util.function.Predicate<Observation> filter) {
    List<Observation> sorted = all.stream().filter(Observation::isIndividual).filter(filter)
        .sorted(Comparator.comparing(Observation::effectiveAt).thenComparing(o -> o.id().value())).toList();
    List<Observation> out = new ArrayList<>(sorted.size());
    Instant covered = Instant.MIN;
    for (Observation o : sorted) {
      if (!o.effectiveAt().isBefore(covered)) {
        out.add(o);
        covered = o.knownEnd().orElse(o.effectiveAt());
      }
    }
    return out;
  }

  /** Movements per window from counts covering at least the minimum counting time, else empty. */
  private static OptionalDouble estimate(List<Observation> counts, FetalMovementRule fm) {
    long counted = 0;
    double movements = 0;
    for (Observation o : counts) {
      counted += Duration.between(o.effectiveAt(), o.knownEnd().orElse(o.effectiveAt())).toMillis();
      movements += o.value();
    }
    if (counted < fm.minCounted().toMillis()) {
      return OptionalDouble.empty();
    }
    long window = fm.window().toMillis();
    return OptionalDouble.of(counted >= window ? movements : movements * window / counted);
  }

  private java.util.Optional<RiskFinding> weightGain(WeightGainRule wg, Observation reading, RiskContext ctx) {
    Pregnancy p = ctx.pregnancy();
    if (p == null || ctx.gestationalAge() == null || p.prePregnancyBmi().isEmpty()) {
      return java.util.Optional.empty();
    }
    WeightGainStatus status = weights.assess(p.prePregnancyBmi().getAsDouble(), ctx.gestationalAge(),
        reading.value() - p.prePregnancyWeightKg());
    return switch (status.position()) {
      case WITHIN -> java.util.Optional.empty();
      case ABOVE -> java.util.Optional.of(new RiskFinding(wg.keyAbove(), wg.conditionAbove(), reading.type().key(),
          PREGNANCY_CATEGORY, wg.severityAbove(), false, reading, List.of(reading), table.version()));
      case BELOW -> java.util.Optional.of(new RiskFinding(wg.keyBelow(), wg.conditionBelow(), reading.type().key(),
          PREGNANCY_CATEGORY, wg.severityBelow(), false, reading, List.of(reading), table.version()));
    };
  }
}
