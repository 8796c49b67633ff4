package io.kinhealth.compliance.minimisation;

import io.kinhealth.compliance.masking.Mask;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-purpose allow-lists of fields, each with its mask (PIPL art. 6 and GB/T 35273-2020 §5.2: minimum necessary).
 * A field that is not listed for a purpose is never released for it; a purpose with no list releases nothing.
 * Immutable; versioned so an export can say which policy produced it.
 */
public final class MinimisationPolicy {
  private final String version;
  private final Map<Purpose, List<FieldRule>> rules;

  private MinimisationPolicy(Builder b) {
    this.version = Check.text(b.version, "version", 100);
    Map<Purpose, List<FieldRule>> m = new LinkedHashMap<>();
    b.rules.forEach((p, l) -> m.put(p, List.copyOf(l.values())));
    this.rules = Collections.unmodifiableMap(m);
  }

  public static Builder builder(String version) {
    return new Builder(version);
  }

  public String version() {
    return version;
  }

  /** The allow-list for a purpose; empty when the purpose has none (then nothing is released). */
  public List<FieldRule> fieldsFor(Purpose purpose) {
    return purpose == null ? List.of() : rules.getOrDefault(purpose, List.of());
  }

  public Optional<FieldRule> rule(Purpose purpose, String field) {
    for (FieldRule r : fieldsFor(purpose)) {
      if (r.field().equals(field)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Builds a {@link MinimisationPolicy}: {@code purpose(p)} then its {@code field(...)}s. */
  public static final class Builder {
    private final String version;
    private final Map<Purpose, Map<String, FieldRule>> rules = new LinkedHashMap<>();
    private Purpose current;

    private Builder(String version) {
      this.version = version;
    }

    public Builder purpose(Purpose purpose) {
      this.current = Check.notNull(purpose, "purpose");
      rules.computeIfAbsent(purpose, k -> new LinkedHashMap<>());
      return this;
    }

    public Builder field(String field, DataCategory category, Mask mask) {
      if (current == null) {
        throw new ValidationException("purpose", "minimisation.no_purpose", "call purpose(...) before field(...)");
      }
      FieldRule rule = new FieldRule(field, category, mask);
      if (rules.get(current).putIfAbsent(rule.field(), rule) != null) {
        throw new ValidationException("field", "minimisation.duplicate_field",
            "field " + rule.field() + " is listed twice for " + current.code());
      }
      return this;
    }

    public MinimisationPolicy build() {
      return new MinimisationPolicy(this);
    }
  }
}
