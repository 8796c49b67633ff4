package io.kinhealth.family.support;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationNormaliser;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Builds normalised observations for tests: deterministic ids, a clock far in the future so any time is valid. */
public final class Readings {
  public static final ObservationTypes TYPES = ObservationTypes.defaults();
  private static final AtomicLong SEQ = new AtomicLong();
  private static final IdGenerator IDS = () -> String.format("obs-%012d", SEQ.incrementAndGet());
  public static final ObservationNormaliser NORMALISER = new ObservationNormaliser(TYPES,
      Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC), IDS);

  private Readings() {}

  public static Observation sample(PersonId who, String type, Instant at, ZoneId zone, Source source, String unit,
      double... values) {
    return NORMALISER.normalise(Reading.builder(who, type).values(unit, values)
        .at(at, zone.getRules().getOffset(at)).source(source).build());
  }

  public static Observation glucose(PersonId who, Instant at, Source source, double mmol) {
    return sample(who, ObservationTypes.BLOOD_GLUCOSE, at, ZoneOffset.ofHours(8), source, "mmol/L", mmol);
  }

  public static Observation total(PersonId who, String type, Instant from, Instant to, Source source, double count) {
    return NORMALISER.normalise(Reading.builder(who, type).values(type.equals("steps") ? "steps" : "{movements}", count)
        .at(from, ZoneOffset.ofHours(8)).until(to).source(source).build());
  }
}
