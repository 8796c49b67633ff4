package io.kinhealth.family;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.memory.InMemoryTriageQueue;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.support.MutableClock;
import io.kinhealth.family.triage.Alert;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Simulation: the alerts a pregnant member ends up with do not depend on the order her readings arrive in. */
@DisplayName("Triage is independent of arrival order")
class TriageOrderPropertyTest {
  private static final PersonId MOTHER = PersonId.of("p-mother");
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final Source CUFF = Source.device("cuff", "Home cuff");

  /** What a member's alerts say, without ids: condition, severity, confirmation and the evidence times. */
  private static List<String> outcome(List<Reading> arrivals) {
    MutableClock clock = new MutableClock(NOW);
    InMemoryTriageQueue queue = new InMemoryTriageQueue();
    FamilyRecords r = FamilyRecords.builder().clock(clock).alertSink(queue).build();
    AtomicInteger keys = new AtomicInteger();
    r.families().registerProfile(new RegisterProfile(IdempotencyKey.of("p"), MOTHER, LocalDate.of(1990, 3, 8),
        null));
    r.calendar().registerPregnancy(new RegisterPregnancy(IdempotencyKey.of("preg"), MOTHER, MOTHER,
        LocalDate.of(2026, 5, 27), 28, null, null));
    for (Reading reading : arrivals) {
      r.observations().record(new RecordReading(IdempotencyKey.of("k-" + keys.incrementAndGet()), MOTHER, reading));
    }
    List<String> out = new ArrayList<>();
    for (Alert a : r.triage().alertsOf(MOTHER, MOTHER)) {
      TreeSet<Instant> times = new TreeSet<>();
      a.evidence().forEach(e -> times.add(e.effectiveAt()));
      out.add(a.condition() + " " + a.severity() + " confirmed=" + !a.awaitingConfirmation() + " " + times);
    }
    out.add("notices to review: " + (queue.queue().isEmpty() ? "none" : queue.queue().get(0).severity()));
    Collections.sort(out);
    return out;
  }

  @Test
  @DisplayName("property: 60 seeded streams of readings around 140/90 give the same alerts oldest first, newest first or shuffled")
  void anyOrder() {
    for (long seed = 1; seed <= 60; seed++) {
      Random random = new Random(seed);
      List<Reading> readings = new ArrayList<>();
      int n = 3 + random.nextInt(8);
      for (int i = 0; i < n; i++) {
        Instant at = NOW.minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
        int systolic = 125 + random.nextInt(40);
        int diastolic = Math.min(systolic - 20, 78 + random.nextInt(35));
        readings.add(Reading.builder(MOTHER, ObservationTypes.BLOOD_PRESSURE).values("mm[Hg]", systolic, diastolic)
            .at(at, ZoneOffset.ofHours(8)).source(CUFF).build());
      }
      List<Reading> chronological = new ArrayList<>(readings);
      chronological.sort((a, b) -> a.at().compareTo(b.at()));
      List<Reading> reversed = new ArrayList<>(chronological);
      Collections.reverse(reversed);
      List<Reading> shuffled = new ArrayList<>(readings);
      Collections.shuffle(shuffled, random);
      List<String> expected = outcome(chronological);
      assertThat(outcome(reversed)).as("seed %d, newest first", seed).isEqualTo(expected);
      assertThat(outcome(shuffled)).as("seed %d, shuffled", seed).isEqualTo(expected);
    }
  }
}
