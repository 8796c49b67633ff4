package io.kinhealth.compliance.minimisation;

import io.kinhealth.compliance.masking.Mask;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.core.validation.Check;

/** One allow-listed field of a record: its name, the data category it holds, and how it is masked. */
public record FieldRule(String field, DataCategory category, Mask mask) {
  public FieldRule {
    field = Check.text(field, "field", 128);
    Check.notNull(category, "category");
    Check.notNull(mask, "mask");
  }
}
