package io.kinhealth.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TypedIdTest {
  @Test
  @DisplayName("exactly A-Z, a-z, 0-9, dot, underscore, colon and hyphen are accepted, for every char value")
  void alphabet() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      boolean expected = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
          || ch == '.' || ch == '_' || ch == ':' || ch == '-';
      assertThat(IdAlphabet.contains(ch)).as("char %d", c).isEqualTo(expected);
      if (c < 512 && !Character.isWhitespace(ch)) { // the whole path for Latin-1 and a little beyond
        String id = "a" + ch + "b";
        if (expected) {
          assertThat(TypedId.requireValid(id, "id")).isEqualTo(id);
        } else {
          assertThatThrownBy(() -> TypedId.requireValid(id, "id")).as("char %d", c)
              .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo("id.charset"));
        }
      }
    }
  }

  @Test
  @DisplayName("surrounding white space is stripped; blank, too long and null values are refused naming the field")
  void shape() {
    assertThat(TypedId.requireValid("  p-1 ", "personId")).isEqualTo("p-1");
    assertThat(TypedId.requireValid("x".repeat(64), "personId")).hasSize(64);
    assertThatThrownBy(() -> TypedId.requireValid("x".repeat(65), "personId"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo("id.too_long"));
    assertThatThrownBy(() -> TypedId.requireValid(" ", "personId")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> TypedId.requireValid(null, "personId")).isInstanceOf(ValidationException.class);
  }
}
