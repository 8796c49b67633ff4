package io.kinhealth.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.masking.Masks;
import io.kinhealth.compliance.masking.Pseudonymiser;
import io.kinhealth.compliance.masking.ReversibleTokens;
import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.memory.InMemoryKeyRing;
import io.kinhealth.core.spi.KeyUse;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Masks, pseudonyms and reversible tokens")
class MaskingTest {
  @Test
  @DisplayName("display masks follow the common Chinese presets")
  void presets() {
    assertThat(Masks.mobile().apply("18012341999")).isEqualTo("180****1999");
    assertThat(Masks.mobile().apply("+86 180-1234-1999")).isEqualTo("180****1999");
    assertThat(Masks.residentId().apply("11010519491231002X")).isEqualTo("1***************2X");
    assertThat(Masks.name().apply("段小满")).isEqualTo("段**");
    assertThat(Masks.name().apply("李")).isEqualTo("李*");
    assertThat(Masks.bankCard().apply("6222 0212 3456 7893 256")).isEqualTo("6222 **** **** **** 3256");
    assertThat(Masks.bankCard().apply("1101234567893256")).isEqualTo("1101 **** **** 3256");
    assertThat(Masks.address().apply("北京市海淀区中关村大街27号")).isEqualTo("北京市海淀区****");
    assertThat(Masks.email().apply("zhang.san@example.cn")).isEqualTo("z***@example.cn");
    assertThat(Masks.dateToYear().apply(LocalDate.of(1990, 3, 8))).isEqualTo("1990");
    assertThat(Masks.dateToMonth().apply("1990-03-08")).isEqualTo("1990-03");
    assertThat(Masks.ageBand(10).apply(34)).isEqualTo("30-39");
    assertThat(Masks.generalise(10).apply(127.5)).isEqualTo("120-129");
    assertThat(Masks.redact().apply("anything")).isEqualTo(Masks.REDACTED);
    assertThat(Masks.mobile().apply(null)).isNull();
  }

  @Test
  @DisplayName("a value of an unexpected shape is redacted whole, never shown half-masked")
  void oddShapesAreRedacted() {
    assertThat(Masks.mobile().apply("12345")).isEqualTo(Masks.REDACTED);
    assertThat(Masks.residentId().apply("abc")).isEqualTo(Masks.REDACTED);
    assertThat(Masks.bankCard().apply("62-22")).isEqualTo(Masks.REDACTED);
    assertThat(Masks.email().apply("no-at-sign")).isEqualTo(Masks.REDACTED);
    assertThat(Masks.dateToYear().apply("yesterday")).isEqualTo(Masks.REDACTED);
    assertThat(Masks.ageBand(5).apply("old")).isEqualTo(Masks.REDACTED);
  }

  @Test
  @DisplayName("a pseudonym is keyed, stable per value and domain, and still verifies after a key rotation")
  void pseudonyms() {
    InMemoryKeyRing ring = InMemoryKeyRing.generated();
    Pseudonymiser mobiles = Pseudonymiser.of(ring, "mobile");
    String t = mobiles.pseudonym("18012341999");
    assertThat(t).isEqualTo(mobiles.pseudonym("18012341999")).startsWith("ps1.").doesNotContain("1999");
    assertThat(mobiles.pseudonym("18012341998")).isNotEqualTo(t);
    assertThat(Pseudonymiser.of(ring, "resident_id").pseudonym("18012341999")).isNotEqualTo(t);
    assertThat(Pseudonymiser.of(InMemoryKeyRing.generated(), "mobile").pseudonym("18012341999"))
        .as("another key gives another token: never a bare hash").isNotEqualTo(t);
    ring.rotate(KeyUse.HMAC_SHA256);
    assertThat(mobiles.pseudonym("18012341999")).isNotEqualTo(t);
    assertThat(mobiles.matches("18012341999", t)).isTrue();
    assertThat(mobiles.matches("18012341998", t)).isFalse();
    assertThat(mobiles.matches("18012341999", "ps1.zz.abc")).isFalse();
  }

  @Test
  @DisplayName("a reversible token comes back only with its key and domain, and detects tampering")
  void tokens() {
    InMemoryKeyRing ring = InMemoryKeyRing.generated();
    ReversibleTokens tokens = ReversibleTokens.of(ring, "resident_id");
    String t = tokens.tokenise("11010519491231002X");
    assertThat(t).startsWith("tk1.").doesNotContain("002X");
    assertThat(tokens.reveal(t)).isEqualTo("11010519491231002X");
    ring.rotate(KeyUse.AES_GCM);
    assertThat(tokens.reveal(t)).isEqualTo("11010519491231002X");
    assertThatThrownBy(() -> ReversibleTokens.of(ring, "mobile").reveal(t)).isInstanceOf(IntegrityException.class);
    // Change the second-to-last character (it carries whole bits of the sealed bytes, unlike a padded last one) to
    // a different character, whatever it was.
    char flipped = t.charAt(t.length() - 2) == 'A' ? 'B' : 'A';
    String altered = t.substring(0, t.length() - 2) + flipped + t.charAt(t.length() - 1);
    assertThat(altered).isNotEqualTo(t);
    assertThatThrownBy(() -> tokens.reveal(altered)).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> tokens.reveal("garbage")).isInstanceOf(IntegrityException.class);
  }
}
