package io.kinhealth.family.internal;

import io.kinhealth.core.error.IntegrityException;
import java.io.IOException;
import java.io.InputStream;

/** Loads a versioned data table shipped as a class-path resource (rule tables, reference standards). Not API. */
public final class DefaultTables {
  /** Parses a table from its JSON. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(InputStream json) throws IOException;
  }

  private DefaultTables() {}

  /** The table at {@code resource} next to {@code anchor}, or an {@link IntegrityException} naming {@code what}. */
  public static <T> T load(Class<?> anchor, String resource, Parser<T> parser, String what) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IntegrityException(what + ".missing", null, "the default " + what + " table is missing");
      }
      return parser.parse(in);
    } catch (IOException e) {
      throw new IntegrityException(what + ".unreadable", null, "the default " + what + " table is unreadable", e);
    }
  }
}
