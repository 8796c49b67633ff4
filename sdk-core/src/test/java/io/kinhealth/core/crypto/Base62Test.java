package io.kinhealth.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.Seeds;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Base62Test {
  @Test
  @DisplayName("round-trips random bytes, leading zero bytes included, using only 0-9A-Za-z")
  void roundTrips() {
    long master = Seeds.master();
    Random r = new Random(master);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[r.nextInt(24)];
      r.nextBytes(bytes);
      if (bytes.length > 0 && r.nextBoolean()) {
        bytes[0] = 0;
      }
      String text = Base62.encode(bytes);
      assertThat(Base62.isBase62(text)).as("seed %d", master).isTrue();
      assertThat(Base62.decode(text, bytes.length)).as("seed %d", master).isEqualTo(bytes);
    }
  }

  @Test
  @DisplayName("pads to a fixed width and knows its alphabet")
  void widths() {
    assertThat(Base62.encode(new byte[] {0, 61}, 4)).isEqualTo("000z");
    assertThat(Base62.encode(new byte[] {1, 0})).isEqualTo("48");
    assertThat(Base62.isBase62("ab-c")).isFalse();
    assertThat(Base62.isBase62("")).isFalse();
  }
}
