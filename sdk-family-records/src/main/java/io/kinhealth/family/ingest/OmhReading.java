package io.kinhealth.family.ingest;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.Reading;
import java.util.List;

/** An Open mHealth document read into a reading, with what could not be carried over (as warnings). */
public record OmhReading(Reading reading, List<ImportIssue> warnings) {
  public OmhReading {
    Check.notNull(reading, "reading");
    warnings = List.copyOf(Check.noNulls(warnings, "warnings"));
  }
}
