package io.kinhealth.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency BHD = Currency.getInstance("BHD");

  @Nested
  @DisplayName("parsing and formatting")
  class ParsingAndFormatting {
    @ParameterizedTest(name = "\"{0}\" is {1} fen and prints as {2}")
    @CsvSource({
      "12.34, 1234, 12.34",
      "7, 700, 7.00",
      "0.5, 50, 0.50",
      "-0.05, -5, -0.05",
      "+3.10, 310, 3.10",
      "0, 0, 0.00",
      "92233720368547758.07, 9223372036854775807, 92233720368547758.07"
    })
    void parsesAndFormatsYuan(String text, long fen, String printed) {
      Money m = Money.parse(text);
      assertThat(m.minor()).isEqualTo(fen);
      assertThat(m.toPlainString()).isEqualTo(printed);
      assertThat(Money.parse(m.toPlainString())).isEqualTo(m);
    }

    @Test
    @DisplayName("respects each currency's ISO 4217 minor-unit digits")
    void respectsMinorUnitDigits() {
      assertThat(Money.parse("1234", JPY).minor()).isEqualTo(1234);
      assertThat(Money.parse("1234", JPY).toPlainString()).isEqualTo("1234");
      assertThat(Money.parse("1.234", BHD).minor()).isEqualTo(1234);
      assertThat(Money.parse("1.2", BHD).toPlainString()).isEqualTo("1.200");
      assertThatThrownBy(() -> Money.parse("1.5", JPY))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo("money.scale"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused with {1}")
    @CsvSource({
      "12.345, money.scale",
      "1e3, money.format",
      "'1,000.00', money.format",
      "12., money.format",
      ".5, money.format",
      "¥12, money.format",
      "92233720368547758.08, money.overflow",
      "99999999999999999999, money.overflow"
    })
    void refusesMalformed(String text, String reason) {
      assertThatThrownBy(() -> Money.parse(text))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.field()).contains("amount");
          });
    }

    @Test
    @DisplayName("prints the most negative amount correctly")
    void printsMinValue() {
      assertThat(Money.ofMinor(Long.MIN_VALUE).toPlainString()).isEqualTo("-92233720368547758.08");
      assertThat(Money.ofMinor(-1).toString()).isEqualTo("CNY -0.01");
    }
  }

  @Nested
  @DisplayName("arithmetic")
  class Arithmetic {
    @Test
    @DisplayName("adds, subtracts, negates and compares exactly")
    void exact() {
      Money a = Money.parse("10.05");
      Money b = Money.parse("0.96");
      assertThat(a.plus(b)).isEqualTo(Money.parse("11.01"));
      assertThat(a.minus(b)).isEqualTo(Money.parse("9.09"));
      assertThat(b.minus(a).isNegative()).isTrue();
      assertThat(a.negate().abs()).isEqualTo(a);
      assertThat(a.times(3)).isEqualTo(Money.parse("30.15"));
      assertThat(a).isGreaterThan(b);
      assertThat(a.max(b)).isSameAs(a);
      assertThat(a.min(b)).isSameAs(b);
      assertThat(Money.ofYuan(10)).isEqualTo(Money.ofMinor(1000));
    }

    @Test
    @DisplayName("throws instead of overflowing")
    void overflowThrows() {
      Money max = Money.ofMinor(Long.MAX_VALUE);
      assertThatThrownBy(() -> max.plus(Money.ofMinor(1))).isInstanceOf(ValidationException.class)
          .hasMessageContaining("money.overflow");
      assertThatThrownBy(() -> Money.ofMinor(Long.MIN_VALUE).negate()).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> max.times(2)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> Money.ofMinor(Long.MIN_VALUE).minus(Money.ofMinor(1)))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> max.times(BasisPoints.of(2), RoundingMode.DOWN))
          .isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("refuses to mix currencies")
    void refusesMixedCurrencies() {
      assertThatThrownBy(() -> Money.ofMinor(1).plus(Money.ofMinor(1, JPY)))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("money.currency_mismatch"));
      assertThatThrownBy(() -> Money.ofMinor(1).compareTo(Money.ofMinor(1, JPY)))
          .isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest(name = "{0} fen x {1} bp with {2} = {3}")
    @CsvSource({
      "1001, 5000, HALF_UP, 501",
      "1001, 5000, HALF_DOWN, 500",
      "1001, 5000, HALF_EVEN, 500",
      "1003, 5000, HALF_EVEN, 502",
      "1001, 5000, DOWN, 500",
      "1001, 5000, UP, 501",
      "-1001, 5000, FLOOR, -501",
      "-1001, 5000, CEILING, -500",
      "-1001, 5000, HALF_UP, -501",
      "999, 700, HALF_UP, 70",
      "10000, 700, UNNECESSARY, 700"
    })
    void multipliesByBasisPoints(long fen, int bp, RoundingMode mode, long expected) {
      assertThat(Money.ofMinor(fen).times(BasisPoints.of(bp), mode).minor()).isEqualTo(expected);
    }

    @Test
    @DisplayName("refuses an inexact share when rounding is UNNECESSARY")
    void unnecessaryRounding() {
      assertThatThrownBy(() -> Money.ofMinor(999).times(BasisPoints.of(700), RoundingMode.UNNECESSARY))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("money.rounding_necessary"));
    }
  }

  @Nested
  @DisplayName("allocation")
  class Allocation {
    @Test
    @DisplayName("splits 99 fen 50/50 into 50 and 49")
    void ninetyNineFen() {
      List<Money> parts = Money.ofMinor(99).allocate(BasisPoints.percent(50), BasisPoints.percent(50));
      assertThat(parts).extracting(Money::minor).containsExactly(50L, 49L);
    }

    @Test
    @DisplayName("gives the leftover fen to the largest remainders, earlier parts first on ties")
    void largestRemaindersThenDeclaredOrder() {
      // 100 fen in thirds: 33.33 each, one fen left, goes to the first declared part.
      assertThat(Money.ofMinor(100).allocate(1, 1, 1)).extracting(Money::minor).containsExactly(34L, 33L, 33L);
      // 10 fen by 1:2:7 is exact.
      assertThat(Money.ofMinor(10).allocate(1, 2, 7)).extracting(Money::minor).containsExactly(1L, 2L, 7L);
      // 5 fen by 30/30/40 bp-weights: 1.5, 1.5, 2.0 -> the two halves tie; both earlier parts beat the exact one.
      assertThat(Money.ofMinor(5).allocate(3000, 3000, 4000)).extracting(Money::minor)
          .containsExactly(2L, 1L, 2L);
      // The largest remainder wins over declared order: 7 by 1:1:5 -> 1, 1, 5 exact; 8 by 2:3:5 -> 1.6, 2.4, 4.
      assertThat(Money.ofMinor(8).allocate(2, 3, 5)).extracting(Money::minor).containsExactly(2L, 2L, 4L);
    }

    @Test
    @DisplayName("mirrors a negative total, so refunding the whole returns each part exactly")
    void negativeMirrorsPositive() {
      List<Money> charge = Money.ofMinor(1001).allocate(1, 1, 1);
      List<Money> refund = Money.ofMinor(-1001).allocate(1, 1, 1);
      for (int i = 0; i < 3; i++) {
        assertThat(refund.get(i)).isEqualTo(charge.get(i).negate());
      }
    }

    @Test
    @DisplayName("never gives anything to a zero weight")
    void zeroWeights() {
      assertThat(Money.ofMinor(7).allocate(0, 1, 0, 1)).extracting(Money::minor).containsExactly(0L, 4L, 0L, 3L);
    }

    @Test
    @DisplayName("refuses shares that do not make a whole, negative weights and all-zero weights")
    void refusesBadShares() {
      assertThatThrownBy(() -> Money.ofMinor(100).allocate(BasisPoints.percent(50), BasisPoints.percent(40)))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("shares.not_whole"));
      assertThatThrownBy(() -> Money.ofMinor(100).allocate(1, -1))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("weights[1]"));
      assertThatThrownBy(() -> Money.ofMinor(100).allocate(0, 0))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo("all_zero"));
      assertThatThrownBy(() -> Money.ofMinor(100).allocate(new long[0]))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> Money.ofMinor(100).allocate(Long.MAX_VALUE, 1))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("money.overflow"));
    }

    @Test
    @DisplayName("is exact for the largest amounts and weights")
    void hugeValues() {
      List<Money> parts = Money.ofMinor(Long.MAX_VALUE).allocate(Long.MAX_VALUE / 3, Long.MAX_VALUE / 3);
      assertThat(parts.get(0).minor() + parts.get(1).minor()).isEqualTo(Long.MAX_VALUE);
    }
  }

  @Test
  @DisplayName("equal amounts in the same currency are equal and hash alike")
  void equality() {
    assertThat(Money.parse("1.00")).isEqualTo(Money.ofMinor(100)).hasSameHashCodeAs(Money.ofMinor(100));
    assertThat(Money.ofMinor(100)).isNotEqualTo(Money.ofMinor(100, JPY));
    assertThat(Money.zero(JPY).isZero()).isTrue();
  }
}
