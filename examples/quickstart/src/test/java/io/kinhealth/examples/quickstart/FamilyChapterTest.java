package io.kinhealth.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The family chapter tells its story from the jar's own copy of the Dexcom export. */
class FamilyChapterTest {
  private static String story;

  @BeforeAll
  static void run() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new FamilyChapter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    story = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("imports the 2,148 readings of the Dexcom export shipped with the quickstart")
  void dexcom() {
    assertThat(story).contains("2148 glucose readings imported").contains("11 header/alert rows ignored")
        .contains("0 rejected");
  }

  @Test
  @DisplayName("counts the blood pressure seen by cuff and app once, the app's copy kept as provenance")
  void duplicate() {
    assertThat(story).contains("1 reading kept, 128/82 mm[Hg] from Omron HEM-7136, the copy from Huawei Health");
  }

  @Test
  @DisplayName("the mother sees her husband and son; the daughter's card is hidden, and she sees only her mother")
  void dashboards() {
    String mother = story.substring(story.indexOf("as the mother sees it"), story.indexOf("as the daughter sees it"));
    assertThat(mother).contains("p-father [SHARED]").contains("p-son [SHARED]")
        .contains("p-daughter [HIDDEN]  (nothing shared)");
    String daughter = story.substring(story.indexOf("as the daughter sees it"));
    assertThat(daughter).contains("p-daughter [SELF]").contains("p-mother [SHARED]").contains("p-father [HIDDEN]")
        .contains("p-son [HIDDEN]");
  }
}
