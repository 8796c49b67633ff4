package io.kinhealth.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckTest {
  @Test
  @DisplayName("noNulls names the first null element's index, for indexed lists and other collections alike")
  void noNulls() {
    List<String> withNull = Arrays.asList("a", "b", null, null);
    for (var values : List.of(new ArrayList<>(withNull), new LinkedList<>(withNull), withNull)) {
      assertThatThrownBy(() -> Check.noNulls(values, "readings"))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).contains("readings[2]");
            assertThat(e.reason()).isEqualTo("required");
          });
    }
    assertThatThrownBy(() -> Check.noNulls(new LinkedHashSet<>(withNull), "set"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("set[2]"));
    List<String> fine = List.of("a", "b");
    assertThat(Check.noNulls(fine, "readings")).isSameAs(fine);
    assertThat(Check.noNulls(new LinkedList<>(fine), "readings")).containsExactly("a", "b");
    assertThatThrownBy(() -> Check.noNulls((List<String>) null, "readings"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo("required"));
    assertThatThrownBy(() -> Check.notEmpty(List.of(), "readings"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo("empty"));
  }
}
