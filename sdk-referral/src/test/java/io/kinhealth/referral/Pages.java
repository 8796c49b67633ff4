package io.kinhealth.referral;

import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads every page of a range read. */
final class Pages {
  private Pages() {}

  static <T> List<T> all(Function<PageRequest, Page<T>> read, int pageSize) {
    List<T> out = new ArrayList<>();
    PageRequest r = PageRequest.first(pageSize);
    while (true) {
      Page<T> page = read.apply(r);
      out.addAll(page.items());
      if (!page.hasNext()) {
        return out;
      }
      r = r.next(page);
    }
  }
}
