package io.kinhealth.compliance.internal;

import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Walks a paged store read to its end, one page in memory at a time. Not API. */
public final class Pages {
  private Pages() {}

  /** Calls {@code each} for every item of every page that {@code read} returns, starting at the first. */
  public static <T> void forEach(int pageSize, Function<PageRequest, Page<T>> read, Consumer<? super T> each) {
    PageRequest request = PageRequest.first(pageSize);
    while (true) {
      Page<T> page = read.apply(request);
      page.items().forEach(each);
      if (!page.hasNext()) {
        return;
      }
      request = request.next(page);
    }
  }

  /** Every item, for reads known to be small (one subject's consents). */
  public static <T> List<T> all(int pageSize, Function<PageRequest, Page<T>> read) {
    List<T> out = new ArrayList<>();
    forEach(pageSize, read, out::add);
    return out;
  }
}
