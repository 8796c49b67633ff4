package io.kinhealth.testkit.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads every page of a range read, checking that no page is larger than asked for. */
final class Pages {
  private Pages() {}

  static <T> List<T> all(Function<PageRequest, Page<T>> read, int pageSize) {
    List<T> out = new ArrayList<>();
    PageRequest r = PageRequest.first(pageSize);
    while (true) {
      Page<T> page = read.apply(r);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
      out.addAll(page.items());
      if (!page.hasNext()) {
        return out;
      }
      r = r.next(page);
    }
  }
}
