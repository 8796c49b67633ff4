package io.kinhealth.testkit;

import io.kinhealth.core.error.ErrorCode;
import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.money.Money;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * AssertJ entry points for SDK types: {@code assertThat(money).isFen(99)},
 * {@code assertThatKinHealthException(() -> ...).hasCode(VALIDATION).hasField("amount")}.
 */
public final class KinHealthAssertions {
  private KinHealthAssertions() {}

  public static MoneyAssert assertThat(Money actual) {
    return new MoneyAssert(actual);
  }

  /** Asserts that {@code call} throws a {@link KinHealthException} (and not, say, a NullPointerException). */
  public static KinHealthExceptionAssert assertThatKinHealthException(ThrowingCallable call) {
    Throwable thrown = Assertions.catchThrowable(call);
    Assertions.assertThat(thrown)
        .as("expected a KinHealthException")
        .isInstanceOf(KinHealthException.class);
    return new KinHealthExceptionAssert((KinHealthException) thrown);
  }

  /** Assertions on {@link Money}. */
  public static final class MoneyAssert extends AbstractAssert<MoneyAssert, Money> {
    MoneyAssert(Money actual) {
      super(actual, MoneyAssert.class);
    }

    /** The amount is {@code minor} fen, in CNY. */
    public MoneyAssert isFen(long minor) {
      isNotNull();
      if (!actual.currency().equals(Money.CNY) || actual.minor() != minor) {
        failWithMessage("expected CNY %d fen but was %s", minor, actual);
      }
      return this;
    }

    /** The amount equals {@code text} parsed in the same currency, e.g. {@code "12.34"}. */
    public MoneyAssert isAmount(String text) {
      isNotNull();
      Money expected = Money.parse(text, actual.currency());
      if (!actual.equals(expected)) {
        failWithMessage("expected %s but was %s", expected, actual);
      }
      return this;
    }

    public MoneyAssert isZero() {
      isNotNull();
      if (!actual.isZero()) {
        failWithMessage("expected zero but was %s", actual);
      }
      return this;
    }
  }

  /** Assertions on a thrown {@link KinHealthException}. */
  public static final class KinHealthExceptionAssert
      extends AbstractAssert<KinHealthExceptionAssert, KinHealthException> {
    KinHealthExceptionAssert(KinHealthException actual) {
      super(actual, KinHealthExceptionAssert.class);
    }

    public KinHealthExceptionAssert hasCode(ErrorCode code) {
      if (actual.code() != code) {
        failWithMessage("expected code %s but was %s (%s)", code, actual.code(), actual.getMessage());
      }
      return this;
    }

    public KinHealthExceptionAssert hasReason(String reason) {
      if (!actual.reason().equals(reason)) {
        failWithMessage("expected reason %s but was %s (%s)", reason, actual.reason(), actual.getMessage());
      }
      return this;
    }

    public KinHealthExceptionAssert hasField(String field) {
      if (!actual.field().map(field::equals).orElse(false)) {
        failWithMessage("expected field %s but was %s (%s)", field, actual.field().orElse("<none>"),
            actual.getMessage());
      }
      return this;
    }

    /** The message does not contain {@code personalData} (a name, a number) in any form given. */
    public KinHealthExceptionAssert doesNotMention(String... personalData) {
      for (String s : personalData) {
        if (actual.getMessage() != null && actual.getMessage().contains(s)) {
          failWithMessage("the exception message leaks personal data: %s", actual.getMessage());
        }
      }
      return this;
    }
  }
}
