package io.kinhealth.family.observation;

import io.kinhealth.core.validation.Check;

/**
 * A more specific code that applies when a reading carries a given context, e.g. glucose taken fasting is LOINC
 * 14771-0 rather than 15074-8. A variant matches when every condition it sets (non-null) equals the reading's context.
 */
public record CodingVariant(Coding coding, MealRelation meal, Specimen specimen) {
  public CodingVariant {
    Check.notNull(coding, "variant.coding");
  }

  public boolean matches(ObservationContext context) {
    return (meal == null || meal == context.meal()) && (specimen == null || specimen == context.specimen());
  }

  /** How many conditions this variant sets; the most specific matching variant wins. */
  public int specificity() {
    return (meal == null ? 0 : 1) + (specimen == null ? 0 : 1);
  }
}
