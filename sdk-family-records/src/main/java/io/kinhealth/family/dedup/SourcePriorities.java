package io.kinhealth.family.dedup;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.observation.SourceKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Ranks sources: when two sources saw the same measurement, or both counted steps over the same minutes, the
 * higher rank wins. A source listed by id takes its own rank; any other takes its kind's rank.
 *
 * <p>Default kind ranks ({@link #defaults()}): a named device that reported directly (400) is the measurement
 * itself; a manual entry (300) is usually copied from a device's display and can carry typos; an app (200)
 * re-syncs device data; an import (100) is a copy of data held elsewhere. Hosts let members reorder them, as
 * HealthKit and Health Connect do. Equal ranks are broken by source id (alphabetical), so results never depend on
 * arrival order. Immutable.
 */
public final class SourcePriorities {
  private static final SourcePriorities DEFAULTS = builder().build();

  private final Map<SourceKind, Integer> byKind;
  private final Map<String, Integer> bySource;

  private SourcePriorities(Builder b) {
    this.byKind = new EnumMap<>(b.byKind);
    this.bySource = Map.copyOf(b.bySource);
  }

  public static SourcePriorities defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The rank of a source (higher wins). */
  public int rank(Source source) {
    Integer own = bySource.get(source.id());
    return own != null ? own : byKind.get(source.kind());
  }

  /** Builds priorities from the defaults. */
  public static final class Builder {
    private final Map<SourceKind, Integer> byKind = new EnumMap<>(SourceKind.class);
    private final Map<String, Integer> bySource = new HashMap<>();

    private Builder() {
      byKind.put(SourceKind.DEVICE, 400);
      byKind.put(SourceKind.MANUAL, 300);
      byKind.put(SourceKind.APP, 200);
      byKind.put(SourceKind.IMPORT, 100);
    }

    public Builder kind(SourceKind kind, int rank) {
      byKind.put(Check.notNull(kind, "kind"), rank);
      return this;
    }

    /** Gives one source (by id) its own rank, e.g. a member's trusted cuff above everything else. */
    public Builder source(String sourceId, int rank) {
      bySource.put(Check.notBlank(sourceId, "sourceId"), rank);
      return this;
    }

    public SourcePriorities build() {
      return new SourcePriorities(this);
    }
  }
}
