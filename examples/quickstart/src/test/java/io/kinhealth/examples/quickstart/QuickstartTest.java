package io.kinhealth.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The quickstart tells the story it promises, and never prints personal data unmasked. */
class QuickstartTest {
  private static String story;

  @BeforeAll
  static void runQuickstart() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Quickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    story = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("runs to the end")
  void runsToTheEnd() {
    assertThat(story).startsWith("KinHealth SDK quickstart").contains("Done.");
  }

  @Test
  @DisplayName("the foundation chapter splits 99 fen into 50 and 49 and refuses a mistyped resident id")
  void foundationChapter() {
    assertThat(story).contains("50 + 49 = 99 fen").contains("resident_id.check_digit on field residentId");
  }

  @Test
  @DisplayName("prints names, mobile numbers and resident ids only masked")
  void masksPersonalData() {
    assertThat(story).doesNotContain("段小满").doesNotContain("18012341999").doesNotContain("110105201611251");
    assertThat(story).contains("180****1999").contains("段**");
  }
}
