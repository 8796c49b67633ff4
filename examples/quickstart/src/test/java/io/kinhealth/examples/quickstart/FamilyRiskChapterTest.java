package io.kinhealth.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The risk chapter tells its story: confirmation, the review queue, dating, the weight band and the Bundle. */
class FamilyRiskChapterTest {
  private static String story;

  @BeforeAll
  static void run() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new FamilyRiskChapter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    story = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the first reading awaits confirmation; the second, four hours later, puts a HIGH alert in the queue")
  void confirmation() {
    assertThat(story).contains("alert pregnancy-hypertension LOW (awaiting a second reading 4 hours later);"
        + " review queue: 0 notices");
    assertThat(story).contains("now HIGH by rule pregnancy.bp.hypertension");
    assertThat(story).contains("review queue: 1 notice, UPGRADED HIGH pregnancy-hypertension of p-mother");
    assertThat(story).contains("10:00  142/91 mm[Hg]").contains("14:00  141/90 mm[Hg]");
    assertThat(story).contains("0 escalations");
  }

  @Test
  @DisplayName("her due date, week, trimester and weight band")
  void calendar() {
    assertThat(story).contains("due 2027-03-03 (98 days), today at 26+0, SECOND trimester, content key"
        + " pregnancy.week.26");
    assertThat(story).contains("gain 6.2 kg, band at 26+0 is 3.1-7.8 kg: WITHIN");
  }

  @Test
  @DisplayName("her week as a FHIR Bundle")
  void bundle() {
    assertThat(story).contains("week 26 exported as a FHIR R4 Bundle: 5 entries (1 Patient, 1 RelatedPerson,"
        + " 3 Observations)");
  }
}
