package io.kinhealth.core.spi;

import io.kinhealth.core.validation.Check;

/**
 * Which page to read: a cursor from a previous {@link Page} (null for the first page) and a size limit of 1 to
 * {@value #MAX_LIMIT}.
 */
public record PageRequest(String cursor, int limit) {
  public static final int MAX_LIMIT = 10_000;

  public PageRequest {
    Check.inRange(limit, 1, MAX_LIMIT, "limit");
  }

  public static PageRequest first(int limit) {
    return new PageRequest(null, limit);
  }

  public PageRequest next(Page<?> page) {
    return new PageRequest(Check.notNull(page, "page").nextCursor(), limit);
  }
}
