package io.kinhealth.family.calendar;

import io.kinhealth.core.validation.Check;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Predicts the next period and the fertile window from the member's own cycle log.
 *
 * <p>Method: the cycle lengths between consecutive logged period starts, of the latest {@link #cyclesConsidered()}
 * cycles, leaving out lengths outside {@code [minPlausible, maxPlausible]} (default 15-60 days) and, among three or
 * more, any at least 1.8 times their median (a forgotten entry makes a 56-day "cycle"); the learned length is their median (rounded up on a tie), or {@link #defaultCycleLength()} when there is
 * none. The next period starts one learned length after the last; ovulation is {@link #lutealPhaseDays()} (14)
 * before it; the fertile window runs from {@link #daysBeforeOvulation()} (5) days before the ovulation of the
 * shortest recent cycle to {@link #daysAfterOvulation()} (0) days after the ovulation of the longest, so irregular
 * cycles widen it (Wilcox et al., NEJM 1995: the six days ending on ovulation; the calendar method's shortest/longest
 * rule). Defaults are the common textbook values, configurable here; this is a cycle diary, not contraception.
 * Immutable and thread-safe.
 */
public final class CyclePredictor {
  /** With three or more cycles, one at least 1.8 times their median is taken as a missed entry and left out. */
  public static final int MISSED_ENTRY_TENTHS = 18;

  private final int defaultCycleLength;
  private final int lutealPhaseDays;
  private final int daysBeforeOvulation;
  private final int daysAfterOvulation;
  private final int cyclesConsidered;
  private final int minPlausible;
  private final int maxPlausible;

  private CyclePredictor(Builder b) {
    this.defaultCycleLength = (int) Check.inRange(b.defaultCycleLength, PregnancyDating.MIN_CYCLE,
        PregnancyDating.MAX_CYCLE, "defaultCycleLength");
    this.lutealPhaseDays = (int) Check.inRange(b.lutealPhaseDays, 7, 20, "lutealPhaseDays");
    this.daysBeforeOvulation = (int) Check.inRange(b.daysBeforeOvulation, 0, 10, "daysBeforeOvulation");
    this.daysAfterOvulation = (int) Check.inRange(b.daysAfterOvulation, 0, 5, "daysAfterOvulation");
    this.cyclesConsidered = (int) Check.inRange(b.cyclesConsidered, 1, 24, "cyclesConsidered");
    this.minPlausible = (int) Check.inRange(b.minPlausible, PregnancyDating.MIN_CYCLE, PregnancyDating.MAX_CYCLE,
        "minPlausible");
    this.maxPlausible = (int) Check.inRange(b.maxPlausible, minPlausible, PregnancyDating.MAX_CYCLE, "maxPlausible");
  }

  public static CyclePredictor defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int defaultCycleLength() {
    return defaultCycleLength;
  }

  public int lutealPhaseDays() {
    return lutealPhaseDays;
  }

  public int daysBeforeOvulation() {
    return daysBeforeOvulation;
  }

  public int daysAfterOvulation() {
    return daysAfterOvulation;
  }

  public int cyclesConsidered() {
    return cyclesConsidered;
  }

  /** How many period starts (newest first) a forecast reads. */
  public int periodsNeeded() {
    return cyclesConsidered + 1;
  }

  /**
   * The forecast from period starts in any order (duplicates ignored); at least one is needed. The latest start is
   * the current cycle's.
   */
  public CycleForecast forecast(List<LocalDate> periodStarts) {
    Check.notEmpty(Check.noNulls(periodStarts, "periodStarts"), "periodStarts");
    List<LocalDate> starts = periodStarts.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    LocalDate last = starts.get(0);
    List<Integer> lengths = new ArrayList<>();
    for (int i = 0; i + 1 < starts.size() && i < cyclesConsidered; i++) {
      int days = (int) ChronoUnit.DAYS.between(starts.get(i + 1), starts.get(i));
      if (days >= minPlausible && days <= maxPlausible) {
        lengths.add(days);
      }
    }
    if (lengths.size() >= 3) {
      // a cycle nearly twice the usual one is a period she forgot to log, not a cycle
      int usual = median(lengths);
      lengths.removeIf(days -> days * 10 >= usual * MISSED_ENTRY_TENTHS);
    }
    int learned = lengths.isEmpty() ? defaultCycleLength : median(lengths);
    int shortest = lengths.stream().mapToInt(Integer::intValue).min().orElse(learned);
    int longest = lengths.stream().mapToInt(Integer::intValue).max().orElse(learned);
    LocalDate next = last.plusDays(learned);
    LocalDate ovulation = next.minusDays(lutealPhaseDays);
    LocalDate windowStart = last.plusDays(shortest - (long) lutealPhaseDays - daysBeforeOvulation);
    LocalDate windowEnd = last.plusDays(longest - (long) lutealPhaseDays + daysAfterOvulation);
    return new CycleForecast(last, learned, lengths.size(), shortest, longest, next, ovulation, windowStart,
        windowEnd);
  }

  private static int median(List<Integer> values) {
    int[] sorted = values.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2] + 1) / 2;
  }

  /** Builds a predictor; {@link #build()} validates it. */
  public static final class Builder {
    private int defaultCycleLength = 28;
    private int lutealPhaseDays = 14;
    private int daysBeforeOvulation = 5;
    private int daysAfterOvulation = 0;
    private int cyclesConsidered = 6;
    private int minPlausible = 15;
    private int maxPlausible = 60;

    private Builder() {}

    public Builder defaultCycleLength(int days) {
      this.defaultCycleLength = days;
      return this;
    }

    public Builder lutealPhaseDays(int days) {
      this.lutealPhaseDays = days;
      return this;
    }

    public Builder fertileWindow(int daysBeforeOvulation, int daysAfterOvulation) {
      this.daysBeforeOvulation = daysBeforeOvulation;
      this.daysAfterOvulation = daysAfterOvulation;
      return this;
    }

    public Builder cyclesConsidered(int count) {
      this.cyclesConsidered = count;
      return this;
    }

    public Builder plausibleCycle(int minDays, int maxDays) {
      this.minPlausible = minDays;
      this.maxPlausible = maxDays;
      return this;
    }

    public CyclePredictor build() {
      return new CyclePredictor(this);
    }
  }
}
