package io.kinhealth.referral.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.crypto.LocalKey;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.memory.InMemoryKeyRing;
import io.kinhealth.core.spi.KeyUse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A referral token")
class ReferralTokenCodecTest {
  static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
  private final InMemoryKeyRing keys = InMemoryKeyRing.generated();
  private final ReferralTokenCodec codec = ReferralTokenCodec.of(keys);

  private static ValidationException rejection(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("expected a rejection");
  }

  @Test
  @DisplayName("round-trips its referrer, campaign and expiry (rounded up to the hour)")
  void roundTrip() {
    ReferralToken t = codec.issue(ReferralTokenCodec.MAX_REFERRER_CODE, 65_535, NOW.plus(Duration.ofMinutes(90)));
    TokenClaims c = codec.verify(t.value(), NOW);
    assertThat(c.referrerCode()).isEqualTo(ReferralTokenCodec.MAX_REFERRER_CODE);
    assertThat(c.campaign()).isEqualTo(65_535);
    assertThat(c.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(c.keyId()).isEqualTo(keys.current(KeyUse.HMAC_SHA256).keyId());
  }

  @Test
  @DisplayName("fits a WeChat QR scene (32 base62 characters) even with an 8-character key id")
  void fitsScene() {
    InMemoryKeyRing ring = InMemoryKeyRing.empty().add(LocalKey.generate("k2026Nov", KeyUse.HMAC_SHA256,
        new SecureRandom()));
    ReferralToken t = ReferralTokenCodec.of(ring).issue(1L << 39, 7, NOW.plus(Duration.ofDays(3650)));
    assertThat(t.value()).hasSize(32).matches("[0-9A-Za-z]+").startsWith("k2026Nov");
    assertThat(ReferralTokenCodec.of(ring).verify(t.value(), NOW).referrerCode()).isEqualTo(1L << 39);
  }

  @Test
  @DisplayName("is refused when any character is changed")
  void tamper() {
    String t = codec.issue(42, 1, NOW.plus(Duration.ofDays(30))).value();
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    Random random = new Random(7);
    for (int i = 0; i < t.length(); i++) {
      char replacement;
      do {
        replacement = alphabet.charAt(random.nextInt(alphabet.length()));
      } while (replacement == t.charAt(i));
      String forged = t.substring(0, i) + replacement + t.substring(i + 1);
      ValidationException e = rejection(() -> codec.verify(forged, NOW));
      assertThat(e.reason()).as("position %d", i).isIn("referral.token.signature", "referral.token.unknown_key",
          "referral.token.malformed");
      assertThat(e.field()).contains("token");
    }
  }

  @Test
  @DisplayName("is refused once expired, but only after its signature checks out")
  void expiry() {
    String t = codec.issue(42, 1, NOW.plus(Duration.ofHours(1))).value();
    assertThat(rejection(() -> codec.verify(t, NOW.plus(Duration.ofHours(1)))).reason())
        .isEqualTo("referral.token.expired");
    String forged = t.substring(0, t.length() - 1) + (t.endsWith("0") ? "1" : "0");
    assertThat(rejection(() -> codec.verify(forged, NOW.plus(Duration.ofDays(10)))).reason())
        .isEqualTo("referral.token.signature");
  }

  @Test
  @DisplayName("made before a key rotation still verifies until it expires")
  void rotation() {
    String old = codec.issue(42, 1, NOW.plus(Duration.ofDays(30))).value();
    String oldKey = keys.current(KeyUse.HMAC_SHA256).keyId();
    keys.rotate(KeyUse.HMAC_SHA256);
    String fresh = codec.issue(43, 1, NOW.plus(Duration.ofDays(30))).value();
    assertThat(fresh).doesNotStartWith(oldKey);
    assertThat(codec.verify(old, NOW.plus(Duration.ofDays(29))).referrerCode()).isEqualTo(42);
    assertThat(codec.verify(fresh, NOW).referrerCode()).isEqualTo(43);
    InMemoryKeyRing other = InMemoryKeyRing.generated();
    other.rotate(KeyUse.HMAC_SHA256);
    other.rotate(KeyUse.HMAC_SHA256);
    assertThat(rejection(() -> ReferralTokenCodec.of(other).verify(old, NOW)).reason())
        .isIn("referral.token.signature", "referral.token.unknown_key");
  }

  @Test
  @DisplayName("rejects text that is not a token, naming why")
  void malformed() {
    for (String s : new String[] {null, "", "short", "x".repeat(33), "h1" + "!".repeat(24), "h1" + "z".repeat(24)}) {
      assertThat(rejection(() -> codec.verify(s, NOW)).reason()).as("%s", s).isEqualTo("referral.token.malformed");
    }
    assertThat(rejection(() -> codec.verify("nokey" + "0".repeat(24), NOW)).reason())
        .isEqualTo("referral.token.unknown_key");
  }

  @Test
  @DisplayName("is signed only for a valid code, campaign and expiry")
  void issueChecks() {
    assertThatThrownBy(() -> codec.issue(0, 1, NOW.plus(Duration.ofDays(1)))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> codec.issue(1, 65_536, NOW.plus(Duration.ofDays(1))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> codec.issue(1, 1, Instant.parse("2600-01-01T00:00:00Z")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo("referral.token.expiry_range"));
  }
}
