package io.kinhealth.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {
  @ParameterizedTest(name = "\"{0}\" normalises to 18012341999")
  @ValueSource(strings = {"18012341999", "+8618012341999", "+86 180 1234 1999", "0086-180-1234-1999",
      "8618012341999", "180-1234-1999", "(+86) 180 1234 1999"})
  void normalises(String text) {
    MobileNumber m = MobileNumber.parse(text);
    assertThat(m.value()).isEqualTo("18012341999");
    assertThat(m).hasToString("180****1999").isEqualTo(MobileNumber.parse("18012341999"));
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {"1801234199", "180123419990", "12012341999", "28012341999", "+1 415 555 0100",
      "180.1234.1999", "abc", "+86"})
  void refused(String text) {
    assertThatThrownBy(() -> MobileNumber.parse(text))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).contains("mobile");
          String digits = text.replaceAll("\\D", "");
          if (digits.length() > 3) {
            assertThat(e.getMessage()).doesNotContain(digits);
          }
        });
  }

  @Test
  @DisplayName("names print masked, keeping the first character")
  void namesMasked() {
    assertThat(PersonName.of("段小满")).hasToString("段**");
    assertThat(PersonName.of("Li")).hasToString("L*");
    assertThat(PersonName.of("王")).hasToString("王*");
    assertThat(PersonName.of(" 段小满 ").value()).isEqualTo("段小满");
  }
}
