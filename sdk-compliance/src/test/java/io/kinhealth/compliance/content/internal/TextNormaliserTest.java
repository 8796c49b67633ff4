package io.kinhealth.compliance.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextNormaliserTest {
  private final TextNormaliser normaliser = TextNormaliser.standard();

  @Test
  @DisplayName("full-width letters, digits and punctuation become half-width and lower case")
  void foldsWidthAndCase() {
    assertThat(normaliser.normaliseTerm("ＮＯ．１，ＡＩ秒开处方％")).isEqualTo("no.1,ai秒开处方%");
  }

  @Test
  @DisplayName("common traditional characters become simplified")
  void foldsTraditional() {
    assertThat(normaliser.normaliseTerm("保證治癒，國家級專家，無副作用")).isEqualTo("保证治愈,国家级专家,无副作用");
  }

  @Test
  @DisplayName("spaces, ideographic spaces, zero-width characters and separators between Chinese characters vanish")
  void removesSpacingTricks() {
    assertThat(normaliser.normaliseTerm("保 证\u3000治\u200B愈")).isEqualTo("保证治愈");
    assertThat(normaliser.normaliseTerm("保.证*治-愈")).isEqualTo("保证治愈");
    assertThat(normaliser.normaliseTerm("保 . 证 · 治 / 愈")).isEqualTo("保证治愈");
  }

  @Test
  @DisplayName("separators next to digits or Latin letters are kept: 99.5%, 0571-8888, no.1")
  void keepsMeaningfulSeparators() {
    assertThat(normaliser.normaliseTerm("有效率99.5%，电话0571-8888")).isEqualTo("有效率99.5%,电话0571-8888");
    assertThat(normaliser.normaliseTerm("No. 1")).isEqualTo("no.1");
  }

  @Test
  @DisplayName("line breaks are kept because they end sentences")
  void keepsLineBreaks() {
    assertThat(normaliser.normaliseTerm("第一行\r\n第二行")).isEqualTo("第一行\n第二行");
  }

  @Test
  @DisplayName("every normalised character maps back to its original offset")
  void mapsOffsetsBack() {
    String original = "本院 保 证 治 愈！";
    NormalisedText text = normaliser.normalise(original);
    String normalised = text.normalised();
    int start = normalised.indexOf("保证治愈");
    int end = start + 4;
    assertThat(original.substring(text.originalStart(start), text.originalEnd(end))).isEqualTo("保 证 治 愈");
  }

  @Test
  @DisplayName("a long run of separators is handled in one pass")
  void longSeparatorRuns() {
    String original = "保" + ".".repeat(200_000) + "证";
    assertThat(normaliser.normaliseTerm(original)).isEqualTo("保证");
  }

  @Test
  @DisplayName("emoji and pictographic symbols between Chinese characters vanish; elsewhere they stay")
  void removesEmojiInsideWords() {
    assertThat(normaliser.normaliseTerm("根✨治✨方案")).isEqualTo("根治方案");
    assertThat(normaliser.normaliseTerm("保🔥证有效")).isEqualTo("保证有效");
    assertThat(normaliser.normaliseTerm("冲🔥")).isEqualTo("冲🔥");
    assertThat(normaliser.normaliseTerm("薇❤️：a1")).isEqualTo("薇❤:a1");
    assertThat(normaliser.normaliseTerm("➕v")).isEqualTo("+v");
  }

  @Test
  @DisplayName("a span across a removed emoji maps back to the original characters, surrogate pairs whole")
  void mapsOffsetsAcrossEmoji() {
    String original = "鼻炎根🔥治！";
    NormalisedText text = normaliser.normalise(original);
    int start = text.normalised().indexOf("根治");
    assertThat(original.substring(text.originalStart(start), text.originalEnd(start + 2))).isEqualTo("根🔥治");
  }

  @Test
  @DisplayName("one space stays between two Latin words; spaced single letters still close up")
  void keepsLatinWordGaps() {
    assertThat(normaliser.normaliseTerm("before vs after")).isEqualTo("before vs after");
    assertThat(normaliser.normaliseTerm("wfzy    dddd")).isEqualTo("wfzy dddd");
    assertThat(normaliser.normaliseTerm("加 V X：kh01")).isEqualTo("加vx:kh01");
    assertThat(normaliser.normaliseTerm("No. 1")).isEqualTo("no.1");
  }
}
