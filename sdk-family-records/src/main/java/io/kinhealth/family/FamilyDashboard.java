package io.kinhealth.family;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dashboard.FamilyDashboardView;
import io.kinhealth.family.dashboard.MemberCard;
import io.kinhealth.family.dashboard.OpenAlert;
import io.kinhealth.family.dashboard.Trend;
import io.kinhealth.family.dashboard.TypeSummary;
import io.kinhealth.family.dashboard.Visibility;
import io.kinhealth.family.graph.Family;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.ViewerStanding;
import io.kinhealth.family.observation.Aggregation;
import io.kinhealth.family.observation.ComponentType;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.spi.AlertFeed;
import io.kinhealth.family.stats.BucketBoundaries;
import io.kinhealth.family.stats.BucketSize;
import io.kinhealth.family.stats.ObservationBucket;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The family dashboard: for a viewer, every active member of a family, each with the latest reading per type and
 * 7/30/90-day trends, and their open alerts (from the {@link AlertFeed}; part 2's risk rules supply them).
 *
 * <p>Guarantees: every member other than the viewer is shown only through {@link FamilyViewing} (a consent decision
 * per member, audited, made at this call); a member who shares nothing is HIDDEN with no data, no alert and no hint
 * of whether data exists; alerts are asked for, and filtered to, the categories the viewer may see. Trends are
 * computed from cached daily buckets in each member's own zone, and kept per member and type until a write to that
 * type (or the day) changes: right after a device syncs, a view recomputes only what the sync touched. Thread-safe;
 * built by {@link FamilyRecords}.
 */
public final class FamilyDashboard {
  /** The trend windows in days. */
  public static final List<Integer> WINDOWS = List.of(7, 30, 90);
  /** Most alerts shown per member. */
  public static final int ALERTS_PER_MEMBER = 5;

  private final FamilyService families;
  private final FamilyViewing viewing;
  private final ObservationService observations;
  private final AlertFeed alerts;
  private final Clock clock;
  /**
   * Per member, type, zone and day: the latest reading and trends, tagged with the write version of the member's
   * readings of the type they were computed at. A view reuses them while the version stands (no bucket is touched);
   * after a write it recomputes that type alone, from the cached daily buckets (one of them updated by the write).
   * Holds member data, never a viewer's permission: every view still decides what each viewer may see.
   */
  private final Cache<SummaryKey, Summary> summaries;

  private record SummaryKey(PersonId member, String type, ZoneId zone, long day) {}

  /** A type's summary (null: no reading) as of a write version. */
  private record Summary(long version, TypeSummary summary) {}

  FamilyDashboard(FamilyService families, FamilyViewing viewing, ObservationService observations, AlertFeed alerts,
      Clock clock, long cacheSize) {
    this.families = families;
    this.viewing = viewing;
    this.observations = observations;
    this.alerts = alerts;
    this.clock = clock;
    this.summaries = Caffeine.newBuilder().maximumSize(cacheSize).executor(Runnable::run).build();
  }

  /** The dashboard of {@code family} as {@code viewer} (an active member) sees it now, over every registered type. */
  public FamilyDashboardView view(PersonId viewer, FamilyId family) {
    return view(viewer, family, observations.types().all().stream().map(ObservationType::key).toList());
  }

  /** The dashboard restricted to the given types (in that order). */
  public FamilyDashboardView view(PersonId viewer, FamilyId family, List<String> typeKeys) {
    Check.notNull(viewer, "viewer");
    Check.notEmpty(typeKeys, "types");
    Family f = families.family(family);
    if (!f.isActiveMember(viewer)) {
      throw new ForbiddenException("family.not_member", "viewer", "only members see a family's dashboard");
    }
    List<ObservationType> types = typeKeys.stream().map(observations.types()::get).toList();
    Set<String> categories = new LinkedHashSet<>();
    types.forEach(t -> categories.add(t.dataCategory()));
    List<PersonId> members = new ArrayList<>(f.activeMembers());
    members.remove(viewer);
    members.add(0, viewer);
    List<MemberCard> cards = new ArrayList<>(members.size());
    for (PersonId member : members) {
      ViewingDecision decision = viewing.decide(viewer, member, categories);
      cards.add(card(f, viewer, member, decision, types, categories));
    }
    return new FamilyDashboardView(viewer, family, clock.instant(), cards);
  }

  private MemberCard card(Family f, PersonId viewer, PersonId member, ViewingDecision decision,
      List<ObservationType> types, Set<String> categories) {
    var relationship = viewer.equals(member) ? null : f.relationship(viewer, member).orElse(null);
    if (decision.permitted().isEmpty()) {
      return new MemberCard(member, relationship, decision.standing(), Visibility.HIDDEN, List.of(), List.of());
    }
    Visibility visibility = decision.standing() == ViewerStanding.SELF ? Visibility.SELF
        : decision.permitted().containsAll(categories) ? Visibility.SHARED : Visibility.PARTIAL;
    ZoneId zone = families.profile(member).zone();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    BucketBoundaries days = null; // computed only if a summary must be
    List<TypeSummary> shown = new ArrayList<>();
    for (ObservationType t : types) {
      if (!decision.permits(t.dataCategory())) {
        continue;
      }
      SummaryKey key = new SummaryKey(member, t.key(), zone, today.toEpochDay());
      long version = observations.version(member, t); // read before reading: a racing write makes it stale
      Summary summary = summaries.getIfPresent(key);
      if (summary == null || summary.version() != version) { // a write since: this type alone is recomputed
        Optional<Observation> latest = observations.latestUnchecked(member, t);
        TypeSummary computed = null;
        if (latest.isPresent()) {
          if (days == null) {
            Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
            Instant from = today.minusDays(WINDOWS.get(WINDOWS.size() - 1) - 1L).atStartOfDay(zone).toInstant();
            days = BucketBoundaries.of(zone, BucketSize.DAY, from, to);
          }
          computed = new TypeSummary(t, latest.get(), trends(t, observations.statisticsUnchecked(member, t, days),
              today, zone));
        }
        summary = new Summary(version, computed);
        summaries.put(key, summary);
      }
      if (summary.summary() != null) {
        shown.add(summary.summary());
      }
    }
    List<OpenAlert> open = new ArrayList<>();
    for (OpenAlert a : alerts.openAlerts(member, decision.permitted(), ALERTS_PER_MEMBER)) {
      if (a.subject().equals(member) && decision.permits(a.dataCategory()) && open.size() < ALERTS_PER_MEMBER) {
        open.add(a); // a feed that returns more than it was asked for cannot leak through the dashboard
      }
    }
    return new MemberCard(member, relationship, decision.standing(), visibility, shown, open);
  }

  static List<Trend> trends(ObservationType t, List<ObservationBucket> days, LocalDate today, ZoneId zone) {
    List<Trend> out = new ArrayList<>();
    for (int window : WINDOWS) {
      LocalDate first = today.minusDays(window - 1L);
      for (ComponentType c : t.components()) {
        List<ObservationBucket> in = new ArrayList<>();
        for (ObservationBucket b : days) {
          if (b.component().equals(c.key()) && !b.localStart().toLocalDate().isBefore(first) && b.count() > 0) {
            in.add(b);
          }
        }
        out.add(t.aggregation() == Aggregation.TOTAL ? totalTrend(window, c, in, first) : sampleTrend(window, c, in,
            first));
      }
    }
    return out;
  }

  private static Trend sampleTrend(int window, ComponentType c, List<ObservationBucket> in, LocalDate first) {
    int n = 0;
    double sum = 0;
    double min = Double.NaN;
    double max = Double.NaN;
    int inRange = 0;
    int judged = 0;
    for (ObservationBucket b : in) {
      n += b.count();
      sum += b.mean() * b.count();
      min = Double.isNaN(min) ? b.min() : Math.min(min, b.min());
      max = Double.isNaN(max) ? b.max() : Math.max(max, b.max());
      inRange += b.inRange();
      judged += b.below() + b.inRange() + b.above();
    }
    double mean = n == 0 ? Double.NaN : sum / n;
    double m2 = 0; // merge daily variances exactly (parallel algorithm)
    for (ObservationBucket b : in) {
      double dev = b.mean() - mean;
      m2 += (b.count() > 1 ? b.sd() * b.sd() * (b.count() - 1) : 0) + b.count() * dev * dev;
    }
    double sd = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
    return new Trend(window, c.key(), in.size(), n, mean, sd, min, max, slope(in, first, false),
        judged == 0 ? null : inRange / (double) judged);
  }

  private static Trend totalTrend(int window, ComponentType c, List<ObservationBucket> in, LocalDate first) {
    double sum = 0;
    double sumSq = 0;
    double min = Double.NaN;
    double max = Double.NaN;
    for (ObservationBucket b : in) {
      sum += b.sum();
      sumSq += b.sum() * b.sum();
      min = Double.isNaN(min) ? b.sum() : Math.min(min, b.sum());
      max = Double.isNaN(max) ? b.sum() : Math.max(max, b.sum());
    }
    int d = in.size();
    double mean = d == 0 ? Double.NaN : sum / d;
    double sd = d < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumSq - sum * sum / d) / (d - 1)));
    return new Trend(window, c.key(), d, d, mean, sd, min, max, slope(in, first, true), null);
  }

  /** Least-squares slope of the daily values against the day number. */
  private static double slope(List<ObservationBucket> in, LocalDate first, boolean totals) {
    if (in.size() < 2) {
      return Double.NaN;
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (ObservationBucket b : in) {
      double x = b.localStart().toLocalDate().toEpochDay() - first.toEpochDay();
      double y = totals ? b.sum() : b.mean();
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    int n = in.size();
    double den = n * sxx - sx * sx;
    return den == 0 ? Double.NaN : (n * sxy - sx * sy) / den;
  }
}
