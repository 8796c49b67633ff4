package io.kinhealth.compliance;

import static io.kinhealth.compliance.Fixture.MOTHER;
import static io.kinhealth.compliance.Fixture.MOTHER_SUBJECT;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.HEALTH_MONITORING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.compliance.memory.InMemoryHolidayCalendar;
import io.kinhealth.compliance.rights.RefusalReason;
import io.kinhealth.compliance.rights.SubjectRequest;
import io.kinhealth.compliance.rights.SubjectRequestStatus;
import io.kinhealth.compliance.rights.SubjectRequestType;
import io.kinhealth.compliance.rights.SubjectRightsService;
import io.kinhealth.compliance.rights.SubmitSubjectRequest;
import io.kinhealth.compliance.rights.WorkingDays;
import io.kinhealth.compliance.spi.HolidayCalendar;
import io.kinhealth.core.error.ErrorCode;
import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.spi.PageRequest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

@DisplayName("Subject rights requests")
class SubjectRightsTest {
  /** A made-up holiday week with a Sunday swapped into a working day, as the State Council does (调休). */
  private static final HolidayCalendar CALENDAR = InMemoryHolidayCalendar.of(
      Set.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3)),
      Set.of(LocalDate.of(2026, 12, 6)));

  private final Fixture f = new Fixture();
  private final SubjectRightsService rights = SubjectRightsService.builder(f.service).calendar(CALENDAR).build();

  @Test
  @DisplayName("the deadline is 15 working days: weekends and holidays skipped, adjusted working days counted")
  void deadline() {
    // Received Wednesday 25 November 2026 (Shanghai).
    assertThat(WorkingDays.after(LocalDate.of(2026, 11, 25), 15, InMemoryHolidayCalendar.weekendsOnly()))
        .isEqualTo(LocalDate.of(2026, 12, 16));
    // Three holidays (1-3 Dec) push it back three working days; Sunday 6 Dec worked brings it one day forward.
    SubjectRequest r = rights.submit(new SubmitSubjectRequest(f.key(), MOTHER, SubjectRequestType.COPY));
    assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(r.status()).isEqualTo(SubjectRequestStatus.OPEN);
    assertThat(WorkingDays.after(LocalDate.of(2026, 11, 27), 1, CALENDAR)).isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @RepeatedTest(20)
  @DisplayName("for any receipt date and calendar, the due date is a working day with exactly N working days "
      + "after receipt")
  void deadlineProperty(RepetitionInfo info) {
    long seed = 77_000L + info.getCurrentRepetition();
    Random random = new Random(seed);
    LocalDate start = LocalDate.of(2026, 1, 1);
    Set<LocalDate> holidays = new HashSet<>();
    Set<LocalDate> adjusted = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      LocalDate d = start.plusDays(random.nextInt(400));
      boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (weekend && !holidays.contains(d)) {
        adjusted.add(d);
      } else if (!weekend && !adjusted.contains(d)) {
        holidays.add(d);
      }
    }
    HolidayCalendar cal = InMemoryHolidayCalendar.of(holidays, adjusted);
    for (int i = 0; i < 100; i++) {
      LocalDate received = start.plusDays(random.nextInt(365));
      int n = 1 + random.nextInt(20);
      LocalDate due = WorkingDays.after(received, n, cal);
      assertThat(cal.isWorkingDay(due)).as("seed %d", seed).isTrue();
      int count = 0;
      for (LocalDate d = received.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
        if (cal.isWorkingDay(d)) {
          count++;
        }
      }
      assertThat(count).as("seed %d received %s n %d", seed, received, n).isEqualTo(n);
    }
  }

  @Test
  @DisplayName("a refusal always carries its reason and article; closing twice is refused")
  void refusals() {
    SubjectRequest r = rights.submit(new SubmitSubjectRequest(f.key(), MOTHER, SubjectRequestType.DELETION));
    assertThatThrownBy(() -> rights.refuse(r.id(), null, f.key())).isInstanceOf(ValidationException.class);
    SubjectRequest refused = rights.refuse(r.id(), RefusalReason.LEGAL_RETENTION, f.key());
    assertThat(refused.status()).isEqualTo(SubjectRequestStatus.REFUSED);
    assertThat(refused.refusal().citation()).isEqualTo("PIPL art. 47");
    assertThatThrownBy(() -> rights.complete(r.id(), f.key())).isInstanceOfSatisfying(KinHealthException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE));
    assertThat(f.service.auditLog().entriesOf(MOTHER, PageRequest.first(20)).items())
        .extracting(e -> e.record().type())
        .contains("subject_request.received", "subject_request.refused");
  }

  @Test
  @DisplayName("open requests past their due date are listed as overdue; completed ones are not")
  void overdue() {
    SubjectRequest a = rights.submit(new SubmitSubjectRequest(f.key(), MOTHER, SubjectRequestType.ACCESS));
    SubjectRequest b = rights.submit(new SubmitSubjectRequest(f.key(), MOTHER, SubjectRequestType.CORRECTION));
    assertThat(rights.overdue(PageRequest.first(10)).items()).isEmpty();
    rights.complete(b.id(), f.key());
    f.clock.advance(Duration.ofDays(30));
    assertThat(rights.overdue(PageRequest.first(10)).items()).extracting(SubjectRequest::id).containsExactly(a.id());
  }

  @Test
  @DisplayName("the portability export is JSON with the consents, the processing records and the host's data")
  void export() throws Exception {
    f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
    f.service.decideAndAudit(DecisionRequest.of(MOTHER_SUBJECT, Requester.platform(), HEALTH_MONITORING,
        HEALTH_VITAL_SIGNS, io.kinhealth.compliance.taxonomy.StandardActions.USE),
        io.kinhealth.core.id.IdempotencyKey.of("read-1"));
    String json = rights.portabilityExport(MOTHER, Map.of("readings", java.util.List.of(Map.of("systolic", 128))));
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.get("format").asText()).isEqualTo("kinhealth.subject-export.v1");
    assertThat(root.get("consents")).hasSize(1);
    assertThat(root.get("consents").get(0).get("purposes").asText()).isEqualTo("health_monitoring");
    assertThat(root.get("processingRecords").findValuesAsText("type")).contains("consent.recorded",
        "consent.decision");
    assertThat(root.at("/data/readings/0/systolic").asInt()).isEqualTo(128);
  }
}
