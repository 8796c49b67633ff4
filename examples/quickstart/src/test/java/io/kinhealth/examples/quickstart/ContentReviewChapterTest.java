package io.kinhealth.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContentReviewChapterTest {

  @Test
  @DisplayName("reviews a clean, a cure-rate and a near-miss copy, then blocks at 22:30 and allows the next morning")
  void tellsTheStory() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ContentReviewChapter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String story = bytes.toString(StandardCharsets.UTF_8);
    assertThat(story).contains("clean: \"本院口腔科新增周末门诊，欢迎预约。\" -> passes");
    assertThat(story).contains("cure rate:").contains("ad.cure_rate").contains("\"总有效率达98.6%\"");
    assertThat(story).contains("near miss:").containsPattern("near miss: .* -> passes");
    assertThat(story).contains("SMS at 22:30 Shanghai: BLOCK").contains("retry at 2026-11-26T08:00");
    assertThat(story).contains("at 08:30 the next morning: ALLOW");
  }
}
