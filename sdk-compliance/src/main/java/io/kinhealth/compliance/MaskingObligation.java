package io.kinhealth.compliance;

import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.core.validation.Check;

/**
 * A condition of a {@link DecisionOutcome#PERMIT_WITH_OBLIGATIONS} decision: data of {@code category} (and its
 * sub-categories) must be shown only through {@code mask}, a mask name such as {@code mobile}, {@code resident_id},
 * {@code name}, {@code bank_card}, {@code address}, {@code date_to_year}, {@code pseudonym} or {@code redact}.
 */
public record MaskingObligation(DataCategory category, String mask) {
  public MaskingObligation {
    Check.notNull(category, "obligation.category");
    mask = Check.text(mask, "obligation.mask", 64);
  }

  @Override
  public String toString() {
    return category.code() + "->" + mask;
  }
}
