package io.kinhealth.core.spi;

import io.kinhealth.core.validation.Check;
import java.util.List;
import java.util.Optional;

/**
 * One page of a range read from a store: the items and, if there are more, an opaque cursor for the next page.
 * Stores page (or stream) range reads so no SPI call ever needs a whole history in memory.
 *
 * @param items the items of this page, in the store's documented order
 * @param nextCursor where the next page starts, or null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = List.copyOf(Check.noNulls(items, "items"));
  }

  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, null);
  }

  public Optional<String> next() {
    return Optional.ofNullable(nextCursor);
  }

  public boolean hasNext() {
    return nextCursor != null;
  }
}
