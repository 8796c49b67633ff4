package io.kinhealth.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.model.Sex;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumberTest {
  /** The worked example of GB 11643-1999 itself: a woman born 31 December 1949, check character X. */
  private static final String STANDARD_EXAMPLE_X = "11010519491231002X";
  /** The other example of GB 11643-1999: a man born 1 January 1880. */
  private static final String STANDARD_EXAMPLE_MALE = "440524188001010014";

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Nested
  @DisplayName("valid numbers")
  class Valid {
    @Test
    @DisplayName("the standard's example with an X check character parses, with birth date and sex")
    void standardExampleWithX() {
      ResidentIdNumber id = ResidentIdNumber.parse(STANDARD_EXAMPLE_X);
      assertThat(id.value()).isEqualTo(STANDARD_EXAMPLE_X);
      assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
      assertThat(id.sex()).isEqualTo(Sex.FEMALE);
      assertThat(id.regionCode()).isEqualTo("110105");
    }

    @Test
    @DisplayName("a lower-case x and spaces are normalised")
    void normalises() {
      assertThat(ResidentIdNumber.parse(" 110105 19491231 002x ").value()).isEqualTo(STANDARD_EXAMPLE_X);
    }

    @Test
    @DisplayName("the standard's male example parses as male")
    void maleExample() {
      ResidentIdNumber id = ResidentIdNumber.parse(STANDARD_EXAMPLE_MALE);
      assertThat(id.sex()).isEqualTo(Sex.MALE);
      assertThat(id.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
      assertThat(ResidentIdNumber.checkCharacterFor(STANDARD_EXAMPLE_MALE.substring(0, 17))).isEqualTo('4');
      assertThat(ResidentIdNumber.checkCharacterFor(STANDARD_EXAMPLE_X.substring(0, 17))).isEqualTo('X');
    }

    @Test
    @DisplayName("29 February parses in a leap year")
    void leapDay() {
      String first17 = "11010520000229001";
      ResidentIdNumber id = ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacterFor(first17));
      assertThat(id.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
      assertThat(id.ageOn(LocalDate.of(2001, 2, 28))).isZero();
      assertThat(id.ageOn(LocalDate.of(2001, 3, 1))).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("invalid numbers are refused with a reason and never echoed")
  class Invalid {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
      "110105194912310021, resident_id.check_digit",
      "11010519491231002, resident_id.length",
      "1101051949123100201, resident_id.length",
      "11010519491231A02X, resident_id.format",
      "11010519491231002Y, resident_id.format",
      "991051194912310020, resident_id.region",
      "110105201402300010, resident_id.birth_date",
      "110105201902290010, resident_id.birth_date",
      "110105201913010010, resident_id.birth_date",
      "110105170001010010, resident_id.birth_date"
    })
    void refused(String text, String reason) {
      assertThatThrownBy(() -> ResidentIdNumber.parse(text))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.field()).contains("residentId");
            assertThat(e.getMessage()).doesNotContain(text).doesNotContain(text.substring(6, 14));
          });
    }

    @Test
    @DisplayName("a 30 February birth date is refused even with a matching check character")
    void february30() {
      String first17 = "11010520140230001";
      String text = first17 + ResidentIdNumber.checkCharacterFor(first17);
      assertThatThrownBy(() -> ResidentIdNumber.parse(text))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("resident_id.birth_date"));
    }
  }

  @Nested
  @DisplayName("age on the Asia/Shanghai calendar")
  class Age {
    // Born 1 June 2012; turns 14 at 2026-06-01T00:00 in Shanghai = 2026-05-31T16:00Z.
    private final ResidentIdNumber child = ResidentIdNumber.parse(
        "11010520120601002" + ResidentIdNumber.checkCharacterFor("11010520120601002"));

    @Test
    @DisplayName("is under 14 on the day before the 14th birthday, to the last second in Shanghai")
    void dayBefore() {
      assertThat(child.isUnder(14, at("2026-05-31T15:59:59Z"))).isTrue();
      assertThat(child.ageAt(at("2026-05-31T15:59:59Z"), ZoneId.of("Asia/Shanghai"))).isEqualTo(13);
    }

    @Test
    @DisplayName("is no longer under 14 from Shanghai midnight of the birthday, though it is still the day before in UTC")
    void onTheDay() {
      Clock shanghaiMidnight = at("2026-05-31T16:00:00Z");
      assertThat(child.isUnder(14, shanghaiMidnight)).isFalse();
      assertThat(child.ageAt(shanghaiMidnight, ZoneOffset.UTC)).isEqualTo(13);
      assertThat(child.isUnder(14, shanghaiMidnight, ZoneOffset.UTC)).isTrue();
    }

    @Test
    @DisplayName("knows whether the birth date has passed")
    void bornBy() {
      assertThat(child.isBornBy(at("2012-05-31T16:00:00Z"))).isTrue();
      assertThat(child.isBornBy(at("2012-05-31T15:59:59Z"))).isFalse();
    }
  }

  @Test
  @DisplayName("prints masked: first character and last two only")
  void masked() {
    ResidentIdNumber id = ResidentIdNumber.parse(STANDARD_EXAMPLE_X);
    assertThat(id).hasToString("1***************2X");
    assertThat(id.masked()).isEqualTo("1***************2X");
    assertThat(id).isEqualTo(ResidentIdNumber.parse(STANDARD_EXAMPLE_X.toLowerCase()));
  }
}
