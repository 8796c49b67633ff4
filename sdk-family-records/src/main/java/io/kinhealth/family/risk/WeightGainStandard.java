package io.kinhealth.family.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.internal.DefaultTables;
import io.kinhealth.family.calendar.Trimester;
import io.kinhealth.family.observation.GestationalAge;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * Recommended pregnancy weight gain by pre-pregnancy BMI (WS/T 801-2022, singleton pregnancies), as versioned data
 * loaded from {@value #DEFAULT_RESOURCE}.
 *
 * <p><b>Review:</b> the default values are those the KinHealth domain handbook lists, which it marks "check values
 * against the standard"; the table therefore carries {@link RuleReview#UNVERIFIED} until a clinician has compared it
 * with the standard's text. Hosts replace it with {@link #load(InputStream)}.
 *
 * <p>The band at a gestational age: in the first trimester (before 14+0) the first-trimester range (0-2 kg); from
 * 14+0, the first-trimester range plus the weekly rate range times the weeks since 14+0 (fractional), with the upper
 * edge never above the total recommended gain. The expected gain is the first-trimester midpoint plus the mean weekly
 * rate, kept inside the band. Immutable and thread-safe.
 */
public final class WeightGainStandard {
  public static final String DEFAULT_RESOURCE = "/io/kinhealth/family/risk/weight-gain-wst801-2022.json";

  /** One BMI category's recommendation. */
  public record Recommendation(BmiCategory category, double bmiFrom, double bmiTo, double totalLowKg,
      double totalHighKg, double firstTrimesterLowKg, double firstTrimesterHighKg, double weeklyMeanKg,
      double weeklyLowKg, double weeklyHighKg) {
    public Recommendation {
      Check.notNull(category, "category");
      Check.that(bmiFrom < bmiTo, "bmiTo", "weight_gain.bmi_range", "a BMI range needs from < to");
      Check.that(totalLowKg <= totalHighKg && firstTrimesterLowKg <= firstTrimesterHighKg
          && weeklyLowKg <= weeklyMeanKg && weeklyMeanKg <= weeklyHighKg, "recommendation",
          "weight_gain.range_inverted", "every range runs low <= high");
    }
  }

  private final String version;
  private final String source;
  private final RuleReview review;
  private final Map<BmiCategory, Recommendation> recommendations;

  private WeightGainStandard(String version, String source, RuleReview review,
      Map<BmiCategory, Recommendation> recommendations) {
    this.version = Check.text(version, "version", 100);
    this.source = Check.text(source, "source", 1000);
    this.review = Check.notNull(review, "review");
    Check.that(recommendations.size() == BmiCategory.values().length, "categories", "weight_gain.categories",
        "the table covers every BMI category");
    this.recommendations = new EnumMap<>(recommendations);
  }

  /** The SDK's default table (WS/T 801-2022 as the domain handbook lists it; unverified, see the class notes). */
  public static WeightGainStandard defaults() {
    return Defaults.TABLE;
  }

  /** Loaded on first use (the holder idiom: thread-safe, no locking after). */
  private static final class Defaults {
    static final WeightGainStandard TABLE = DefaultTables.load(WeightGainStandard.class, DEFAULT_RESOURCE, WeightGainStandard::load, "weight_gain");
  }


  /** Loads a table in the format of {@value #DEFAULT_RESOURCE}. */
  public static WeightGainStandard load(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Check.notNull(json, "json"));
    Map<BmiCategory, Recommendation> recs = new EnumMap<>(BmiCategory.class);
    for (JsonNode c : root.path("categories")) {
      BmiCategory category = BmiCategory.valueOf(c.path("category").asText());
      JsonNode weekly = c.path("weeklyKg");
      recs.put(category, new Recommendation(category,
          c.hasNonNull("bmiFrom") ? c.get("bmiFrom").asDouble() : Double.NEGATIVE_INFINITY,
          c.hasNonNull("bmiTo") ? c.get("bmiTo").asDouble() : Double.POSITIVE_INFINITY,
          c.path("totalKg").path(0).asDouble(Double.NaN), c.path("totalKg").path(1).asDouble(Double.NaN),
          c.path("firstTrimesterKg").path(0).asDouble(Double.NaN), c.path("firstTrimesterKg").path(1).asDouble(Double.NaN),
          weekly.path("mean").asDouble(Double.NaN), weekly.path("low").asDouble(Double.NaN),
          weekly.path("high").asDouble(Double.NaN)));
    }
    return new WeightGainStandard(root.path("version").asText(null), root.path("source").asText(null),
        RuleReview.valueOf(root.path("review").asText("UNVERIFIED")), recs);
  }

  public String version() {
    return version;
  }

  public String source() {
    return source;
  }

  public RuleReview review() {
    return review;
  }

  public Recommendation recommendation(BmiCategory category) {
    return recommendations.get(Check.notNull(category, "category"));
  }

  /** The category of a pre-pregnancy BMI (lower edges belong to the higher category: 24.0 is overweight). */
  public BmiCategory categoryOf(double bmi) {
    Check.that(Double.isFinite(bmi) && bmi > 0, "bmi", "weight_gain.bmi_invalid", "the BMI must be positive");
    for (Recommendation r : recommendations.values()) {
      if (bmi >= r.bmiFrom() && bmi < r.bmiTo()) {
        return r.category();
      }
    }
    throw new IntegrityException("weight_gain.bmi_uncovered", "bmi", "the table's BMI ranges leave a gap");
  }

  /** The recommended cumulative gain at {@code age} for {@code category}. */
  public WeightGainBand band(BmiCategory category, GestationalAge age) {
    Recommendation r = recommendation(category);
    Check.notNull(age, "gestationalAge");
    double low = r.firstTrimesterLowKg();
    double high = r.firstTrimesterHighKg();
    double expected = (low + high) / 2;
    if (Trimester.of(age) != Trimester.FIRST) {
      double weeks = (age.totalDays() - Trimester.SECOND_FROM_WEEK * 7) / 7.0;
      low += r.weeklyLowKg() * weeks;
      high = Math.min(r.totalHighKg(), high + r.weeklyHighKg() * weeks);
      expected += r.weeklyMeanKg() * weeks;
    }
    expected = Math.max(low, Math.min(high, expected));
    return new WeightGainBand(version, category, age, low, expected, high);
  }

  /** How a gain of {@code gainKg} at {@code age} compares with the band of a pre-pregnancy BMI. */
  public WeightGainStatus assess(double prePregnancyBmi, GestationalAge age, double gainKg) {
    WeightGainBand band = band(categoryOf(prePregnancyBmi), age);
    return new WeightGainStatus(prePregnancyBmi, band, gainKg, band.classify(gainKg));
  }
}
