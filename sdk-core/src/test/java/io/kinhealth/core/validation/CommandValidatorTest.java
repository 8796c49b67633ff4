package io.kinhealth.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.error.ValidationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandValidatorTest {
  record Line(@NotBlank String sku, @Positive long amountFen) {}

  record PlaceOrder(@NotBlank String orderId, @NotNull @Size(min = 1) List<@Valid Line> lines) {}

  @Test
  @DisplayName("returns a valid command unchanged")
  void validPasses() {
    PlaceOrder cmd = new PlaceOrder("o-1", List.of(new Line("botox", 100)));
    assertThat(CommandValidator.ofDefaults().validate(cmd)).isSameAs(cmd);
  }

  @Test
  @DisplayName("lists every violated field path in one exception, sorted by path")
  void listsEveryViolation() {
    PlaceOrder cmd = new PlaceOrder(" ", List.of(new Line("ok", 1), new Line("", 0)));
    assertThatThrownBy(() -> CommandValidator.ofDefaults().validate(cmd))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).extracting(FieldViolation::field)
              .containsExactly("lines[1].amountFen", "lines[1].sku", "orderId");
          assertThat(e.violations()).extracting(FieldViolation::reason)
              .containsExactly("positive", "not_blank", "not_blank");
          assertThat(e.field()).contains("lines[1].amountFen");
          assertThat(e.getMessage()).contains("3 violations").contains("orderId");
        });
  }
}
