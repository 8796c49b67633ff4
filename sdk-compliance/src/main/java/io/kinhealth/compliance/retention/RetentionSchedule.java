package io.kinhealth.compliance.retention;

import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.validation.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A versioned table of retention periods per purpose and category. The most specific rule wins (the one whose
 * category is the nearest ancestor of the record's). Immutable.
 */
public final class RetentionSchedule {
  private final String version;
  private final List<RetentionRule> rules;

  private RetentionSchedule(String version, List<RetentionRule> rules) {
    this.version = Check.text(version, "version", 100);
    this.rules = List.copyOf(rules);
  }

  public static Builder builder(String version) {
    return new Builder(version);
  }

  public String version() {
    return version;
  }

  public List<RetentionRule> rules() {
    return rules;
  }

  /** The rule for a record of {@code category} collected for {@code purpose}, if the schedule has one. */
  public Optional<RetentionRule> ruleFor(Purpose purpose, DataCategory category) {
    RetentionRule best = null;
    for (RetentionRule r : rules) {
      if (r.purpose().equals(purpose) && category.isWithin(r.category())
          && (best == null || r.category().code().length() > best.category().code().length())) {
        best = r;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Builds a {@link RetentionSchedule}. */
  public static final class Builder {
    private final String version;
    private final List<RetentionRule> rules = new ArrayList<>();

    private Builder(String version) {
      this.version = version;
    }

    public Builder rule(RetentionRule rule) {
      rules.add(Check.notNull(rule, "rule"));
      return this;
    }

    public RetentionSchedule build() {
      return new RetentionSchedule(version, rules);
    }
  }
}
