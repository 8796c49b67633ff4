package io.kinhealth.referral.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The reconciler's back-off schedule")
class BackoffTest {
  @Test
  @DisplayName("by default waits 5 minutes, then 1 hour, then a day for ever")
  void defaults() {
    Backoff b = Backoff.ofDefaults();
    assertThat(List.of(b.delayAfter(0), b.delayAfter(1), b.delayAfter(2), b.delayAfter(3), b.delayAfter(400)))
        .containsExactly(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1));
  }

  @Test
  @DisplayName("a configured schedule is followed and its last delay repeats")
  void configured() {
    Backoff b = Backoff.of(Duration.ofSeconds(30), Duration.ofMinutes(2));
    assertThat(b.delayAfter(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(b.delayAfter(1)).isEqualTo(Duration.ofMinutes(2));
    assertThat(b.delayAfter(9)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  @DisplayName("an empty schedule, a missing, zero or negative delay is refused, naming the field")
  void refused() {
    assertThatThrownBy(() -> Backoff.of()).isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo(Optional.of("delays"));
    assertThatThrownBy(() -> Backoff.of(Duration.ofMinutes(1), null)).isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo(Optional.of("delays[1]"));
    assertThatThrownBy(() -> Backoff.of(Duration.ZERO)).isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).reason()).isEqualTo("referral.backoff.not_positive");
    assertThatThrownBy(() -> Backoff.of(Duration.ofMinutes(-1))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Backoff.ofDefaults().delayAfter(-1)).isInstanceOf(ValidationException.class);
  }
}
