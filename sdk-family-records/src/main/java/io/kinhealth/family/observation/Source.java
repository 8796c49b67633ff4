package io.kinhealth.family.observation;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.validation.Check;

/**
 * The source of a reading: its kind, a stable id (used for priorities and deduplication) and a display label such
 * as "Omron HEM-7136". Sources are devices and apps, not people, so they may be shown and logged.
 */
public record Source(SourceKind kind, String id, String label) {
  public Source {
    Check.notNull(kind, "source.kind");
    id = TypedId.requireValid(id, "source.id");
    label = Check.text(label, "source.label", 100);
  }

  public static Source manual(String id) {
    return new Source(SourceKind.MANUAL, id, "manual entry");
  }

  public static Source device(String id, String label) {
    return new Source(SourceKind.DEVICE, id, label);
  }

  public static Source app(String id, String label) {
    return new Source(SourceKind.APP, id, label);
  }

  public static Source imported(String id, String label) {
    return new Source(SourceKind.IMPORT, id, label);
  }

  /** Turns free text such as a device serial into a valid source id (unsupported characters become '-'). */
  public static String idFrom(String text) {
    String stripped = Check.notBlank(text, "source.id");
    StringBuilder sb = new StringBuilder(Math.min(stripped.length(), TypedId.MAX_LENGTH));
    for (int i = 0; i < stripped.length() && sb.length() < TypedId.MAX_LENGTH; i++) {
      char c = stripped.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == ':' || c == '-';
      sb.append(ok ? c : '-');
    }
    return sb.toString();
  }
}
