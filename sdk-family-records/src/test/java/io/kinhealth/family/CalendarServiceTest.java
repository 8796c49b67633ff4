package io.kinhealth.family;

import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_PREGNANCY;
import static io.kinhealth.family.support.Family4.DAUGHTER;
import static io.kinhealth.family.support.Family4.DAUGHTER_BORN;
import static io.kinhealth.family.support.Family4.FATHER;
import static io.kinhealth.family.support.Family4.MOTHER;
import static io.kinhealth.family.support.Family4.MOTHER_BORN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.family.calendar.CycleForecast;
import io.kinhealth.family.calendar.Pregnancy;
import io.kinhealth.family.calendar.PregnancyOutcome;
import io.kinhealth.family.calendar.PregnancyWeek;
import io.kinhealth.family.calendar.Trimester;
import io.kinhealth.family.observation.GestationalAge;
import io.kinhealth.family.support.Family4;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The cycle and pregnancy calendar")
class CalendarServiceTest {
  private final Family4 f = new Family4();
  private final CalendarService calendar = f.records.calendar();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private void period(LocalDate start) {
    calendar.logPeriod(new LogPeriod(f.key(), MOTHER, MOTHER, start, start.plusDays(4)));
  }

  @Test
  @DisplayName("her own 30-day cycles predict the next period and fertile window, and date her pregnancy")
  void learnsAndDates() {
    period(LocalDate.of(2026, 8, 1));
    period(LocalDate.of(2026, 8, 31));
    period(LocalDate.of(2026, 9, 30));
    CycleForecast forecast = calendar.forecast(MOTHER, MOTHER).orElseThrow();
    assertThat(forecast.learnedCycleLength()).isEqualTo(30);
    assertThat(forecast.nextPeriodStart()).isEqualTo("2026-10-30");
    assertThat(forecast.ovulation()).isEqualTo("2026-10-16");
    // no period since: she registers a pregnancy from the last one; the cycle length is learned (30 days)
    Pregnancy p = calendar.registerPregnancy(new RegisterPregnancy(f.key(), MOTHER, MOTHER,
        LocalDate.of(2026, 9, 30), null, 55.0, 162.0));
    assertThat(p.cycleLength()).isEqualTo(30);
    assertThat(p.dueDate()).isEqualTo("2027-07-09"); // 30 Sep 2026 + 280 + 2
    PregnancyWeek week = calendar.week(MOTHER, MOTHER, TODAY).orElseThrow();
    assertThat(week.gestationalAge()).isEqualTo(GestationalAge.of(7, 5)); // 54 days since 2 Oct (LMP + 30 - 28)
    assertThat(week.trimester()).isEqualTo(Trimester.FIRST);
    assertThat(week.contentKey()).isEqualTo("pregnancy.week.7");
    assertThat(calendar.currentPregnancy(MOTHER, MOTHER)).contains(p);
  }

  @Test
  @DisplayName("one ongoing pregnancy at a time; after it ends a new one can be registered")
  void oneOngoing() {
    Pregnancy p = calendar.registerPregnancy(new RegisterPregnancy(f.key(), MOTHER, MOTHER, TODAY.minusDays(60), 28,
        null, null));
    assertThatThrownBy(() -> calendar.registerPregnancy(new RegisterPregnancy(f.key(), MOTHER, MOTHER,
        TODAY.minusDays(30), 28, null, null))).isInstanceOf(ConflictException.class)
        .hasFieldOrPropertyWithValue("reason", "pregnancy.already_ongoing");
    Pregnancy ended = calendar.endPregnancy(new EndPregnancy(f.key(), MOTHER, p.id(), TODAY.minusDays(1),
        PregnancyOutcome.LOSS));
    assertThat(ended.version()).isEqualTo(2);
    assertThatThrownBy(() -> calendar.endPregnancy(new EndPregnancy(f.key(), MOTHER, p.id(), TODAY,
        PregnancyOutcome.LOSS))).isInstanceOf(InvalidStateException.class);
    assertThat(calendar.currentPregnancy(MOTHER, MOTHER)).isEmpty();
    assertThat(calendar.week(MOTHER, MOTHER, TODAY)).isEmpty();
    assertThat(calendar.registerPregnancy(new RegisterPregnancy(f.key(), MOTHER, MOTHER, TODAY.minusDays(5), 28,
        null, null)).id()).isNotEqualTo(p.id());
  }

  @Test
  @DisplayName("registering is idempotent under its key; a future or too-old LMP is refused naming the field")
  void registrationChecks() {
    IdempotencyKey key = f.key();
    RegisterPregnancy cmd = new RegisterPregnancy(key, MOTHER, MOTHER, TODAY.minusDays(100), 28, 60.0, 160.0);
    assertThat(calendar.registerPregnancy(cmd)).isEqualTo(calendar.registerPregnancy(cmd));
    assertThatThrownBy(() -> calendar.registerPregnancy(new RegisterPregnancy(key, MOTHER, MOTHER,
        TODAY.minusDays(101), 28, 60.0, 160.0))).isInstanceOf(IdempotencyConflictException.class);
    Family4 g = new Family4();
    assertThatThrownBy(() -> g.records.calendar().registerPregnancy(new RegisterPregnancy(g.key(), MOTHER, MOTHER,
        TODAY.plusDays(1), 28, null, null))).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).contains("lastMenstrualPeriod"));
    assertThatThrownBy(() -> g.records.calendar().registerPregnancy(new RegisterPregnancy(g.key(), MOTHER, MOTHER,
        TODAY.minusDays(43 * 7), 28, null, null))).isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("reason", "pregnancy.lmp_too_old");
    assertThatThrownBy(() -> g.records.calendar().registerPregnancy(new RegisterPregnancy(g.key(), MOTHER, MOTHER,
        TODAY.minusDays(10), 28, 10.0, 160.0))).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).contains("prePregnancyWeightKg"));
  }

  @Test
  @DisplayName("only she (or her guardian) writes her calendar; relatives read it only with her consent")
  void consent() {
    assertThatThrownBy(() -> calendar.logPeriod(new LogPeriod(f.key(), FATHER, MOTHER, TODAY.minusDays(3), null)))
        .isInstanceOf(ForbiddenException.class);
    period(TODAY.minusDays(5));
    assertThatThrownBy(() -> calendar.forecast(FATHER, MOTHER)).isInstanceOf(ForbiddenException.class);
    f.share(MOTHER, MOTHER_BORN, FATHER, HEALTH_PREGNANCY);
    assertThat(calendar.forecast(FATHER, MOTHER)).isPresent();
    // the daughter (15) logs her own; her mother is not her guardian here and cannot
    calendar.logPeriod(new LogPeriod(f.key(), DAUGHTER, DAUGHTER, TODAY.minusDays(10), null));
    assertThatThrownBy(() -> calendar.forecast(MOTHER, DAUGHTER)).isInstanceOf(ForbiddenException.class);
    f.share(DAUGHTER, DAUGHTER_BORN, MOTHER, HEALTH_PREGNANCY);
    assertThat(calendar.forecast(MOTHER, DAUGHTER)).isPresent();
  }

  @Test
  @DisplayName("a mistaken entry is removed; a duplicate day and a future day are refused")
  void periodEntries() {
    period(TODAY.minusDays(40));
    period(TODAY.minusDays(12));
    assertThatThrownBy(() -> period(TODAY.minusDays(12))).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> period(TODAY.plusDays(1))).isInstanceOf(ValidationException.class);
    assertThat(calendar.forecast(MOTHER, MOTHER).orElseThrow().learnedCycleLength()).isEqualTo(28);
    assertThat(calendar.removePeriod(new RemovePeriod(f.key(), MOTHER, MOTHER, TODAY.minusDays(12)))).isTrue();
    assertThat(calendar.removePeriod(new RemovePeriod(f.key(), MOTHER, MOTHER, TODAY.minusDays(12)))).isFalse();
    assertThat(calendar.forecast(MOTHER, MOTHER).orElseThrow().lastPeriodStart()).isEqualTo(TODAY.minusDays(40));
  }

  @Test
  @DisplayName("the pregnancy week moves with the clock: 26+0 today, 27+0 a week later, third trimester at 28")
  void weeksAdvance() {
    calendar.registerPregnancy(new RegisterPregnancy(f.key(), MOTHER, MOTHER, TODAY.minusDays(182), 28, null, null));
    assertThat(calendar.week(MOTHER, MOTHER, TODAY).orElseThrow().gestationalAge()).isEqualTo(GestationalAge.of(26, 0));
    f.clock.advance(Duration.ofDays(14));
    assertThat(calendar.week(MOTHER, MOTHER, TODAY.plusDays(14)).orElseThrow().trimester()).isEqualTo(Trimester.THIRD);
    assertThat(calendar.weightGain(MOTHER, MOTHER)).isEmpty(); // no pre-pregnancy weight given
  }
}
