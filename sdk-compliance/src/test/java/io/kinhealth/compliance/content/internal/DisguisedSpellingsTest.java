package io.kinhealth.compliance.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.compliance.content.SpellingVariants;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DisguisedSpellingsTest {
  private final DisguisedSpellings spellings = DisguisedSpellings.standard();

  @Test
  @DisplayName("any one character may be written in pinyin, and the whole term too")
  void pinyin() {
    SpellingVariants pinyinOnly = new SpellingVariants(true, 0, 0, false);
    assertThat(spellings.of("无效退款", pinyinOnly))
        .contains("wu效退款", "无xiao退款", "无效tui款", "无效退kuan", "wuxiaotuikuan")
        .doesNotContain("无效退款");
    assertThat(spellings.of("治愈率", pinyinOnly)).contains("zhi愈率", "治愈lv");
  }

  @Test
  @DisplayName("terms long enough are also written as initials of their most common readings")
  void initials() {
    assertThat(spellings.of("无副作用", new SpellingVariants(false, 4, 0, false))).containsExactly("wfzy");
    assertThat(spellings.of("零风险", new SpellingVariants(false, 4, 0, false))).isEmpty();
  }

  @Test
  @DisplayName("a common character of the same syllable and tone may replace any character but the first")
  void homophones() {
    SpellingVariants homophones = new SpellingVariants(false, 0, 4, false);
    assertThat(spellings.of("立竿见影", homophones)).contains("立杆见影", "立甘见影")
        .doesNotContain("立干见影") // 干 is most often gàn: another tone
        .allSatisfy(v -> assertThat(v).startsWith("立"));
    assertThat(spellings.of("无副作用", homophones)).contains("无负作用", "无付作用");
    assertThat(spellings.of("根治", homophones)).isEmpty();
  }

  @Test
  @DisplayName("numerals may be written as digits")
  void numerals() {
    SpellingVariants numerals = new SpellingVariants(false, 0, 0, true);
    assertThat(spellings.of("零风险", numerals)).containsExactly("0风险");
    assertThat(spellings.of("第一", numerals)).containsExactly("第1");
    assertThat(spellings.of("百分百安全", numerals)).containsExactly("100%安全");
    assertThat(spellings.of("根治", numerals)).isEmpty();
  }

  @Test
  @DisplayName("a single character gets no pinyin spelling: one syllable alone matches too much")
  void singleCharacters() {
    assertThat(spellings.of("折", new SpellingVariants(true, 2, 2, false))).isEmpty();
  }
}
