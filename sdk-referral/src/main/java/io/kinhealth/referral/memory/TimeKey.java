package io.kinhealth.referral.memory;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.function.Function;

/** An index entry ordered by time then id, with its own paging cursor ({@code seconds.nanos.id}). Not API. */
record TimeKey(Instant at, String id) implements Comparable<TimeKey> {
  @Override
  public int compareTo(TimeKey o) {
    int c = at.compareTo(o.at);
    return c != 0 ? c : id.compareTo(o.id);
  }

  String cursor() {
    return at.getEpochSecond() + "." + at.getNano() + "." + id;
  }

  static TimeKey parse(String cursor) {
    String[] p = cursor.split("\\.", 3);
    try {
      return new TimeKey(Instant.ofEpochSecond(Long.parseLong(p[0]), Long.parseLong(p[1])), p[2]);
    } catch (RuntimeException e) {
      throw new ValidationException("cursor", "page.cursor", "not a cursor of this store");
    }
  }

  /** One page of {@code index} from the request's cursor, stopping at the first key past {@code until} (null: none). */
  static <T> Page<T> page(NavigableSet<TimeKey> index, PageRequest page, Instant until, Function<TimeKey, T> load) {
    NavigableSet<TimeKey> view = page.cursor() == null ? index : index.tailSet(parse(page.cursor()), false);
    List<T> out = new ArrayList<>();
    TimeKey last = null;
    for (TimeKey k : view) {
      if (until != null && k.at().isAfter(until)) {
        break;
      }
      if (out.size() == page.limit()) {
        return new Page<>(out, last.cursor());
      }
      out.add(load.apply(k));
      last = k;
    }
    return Page.last(out);
  }
}
