package io.kinhealth.compliance.anonymity;

import static io.kinhealth.compliance.anonymity.Generalisations.SUPPRESSED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GeneralisationsTest {
  @Test
  @DisplayName("numbers widen band by band, then are suppressed; what is not a number is suppressed")
  void numeric() {
    Generalisation age = Generalisations.numeric(5, 10, 20);
    assertThat(age.levels()).isEqualTo(4);
    assertThat(age.generalise(34, 0)).isEqualTo(34);
    assertThat(age.generalise(34, 1)).isEqualTo("30-34");
    assertThat(age.generalise(34, 2)).isEqualTo("30-39");
    assertThat(age.generalise("34", 3)).isEqualTo("20-39");
    assertThat(age.generalise(34, 4)).isEqualTo(SUPPRESSED);
    assertThat(age.generalise("unknown", 1)).isEqualTo(SUPPRESSED);
  }

  @Test
  @DisplayName("dates become months, then years, then are suppressed")
  void dates() {
    Generalisation date = Generalisations.date();
    assertThat(date.generalise(LocalDate.of(2026, 3, 9), 0)).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(date.generalise(LocalDate.of(2026, 3, 9), 1)).isEqualTo("2026-03");
    assertThat(date.generalise("2026-03-09", 2)).isEqualTo("2026");
    assertThat(date.generalise("2026-03-09", 3)).isEqualTo(SUPPRESSED);
    assertThat(date.generalise("9 March", 1)).isEqualTo(SUPPRESSED);
  }

  @Test
  @DisplayName("region codes become prefecture, then province, then are suppressed")
  void regions() {
    Generalisation region = Generalisations.regionCode();
    assertThat(region.generalise("110105", 1)).isEqualTo("1101**");
    assertThat(region.generalise("110105", 2)).isEqualTo("11****");
    assertThat(region.generalise("110105", 3)).isEqualTo(SUPPRESSED);
    assertThat(region.generalise("11A105", 1)).isEqualTo(SUPPRESSED);
  }

  @Test
  @DisplayName("null stays null, and a level outside the hierarchy suppresses rather than releases")
  void edges() {
    for (Generalisation g : new Generalisation[] {Generalisations.numeric(5), Generalisations.date(),
        Generalisations.regionCode(), Generalisations.suppressOnly()}) {
      assertThat(g.generalise(null, 1)).isNull();
      assertThat(g.generalise("110105", -1)).isEqualTo(SUPPRESSED);
      assertThat(g.generalise("110105", g.levels() + 1)).isEqualTo(SUPPRESSED);
    }
    assertThat(Generalisations.suppressOnly().generalise("F", 0)).isEqualTo("F");
    assertThat(Generalisations.suppressOnly().generalise("F", 1)).isEqualTo(SUPPRESSED);
  }
}
