package io.kinhealth.family.memory;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.IdempotencyTable;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.spi.AlertSink;
import io.kinhealth.family.triage.DeliveryStatus;
import io.kinhealth.family.triage.TriageNotice;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default {@link AlertSink}: a review queue in memory that takes every notice at once (DELIVERED) and
 * keeps them in arrival order, so a host without its own work queue (and every test) can list what a person would
 * review. Idempotent per key through the core {@link IdempotencyTable}. Thread-safe. Not durable.
 */
public final class InMemoryTriageQueue implements AlertSink {
  private final IdempotencyTable<DeliveryStatus> keys = new IdempotencyTable<>();
  private final List<TriageNotice> notices = new ArrayList<>();

  @Override
  public DeliveryStatus deliver(IdempotencyKey key, TriageNotice notice) {
    Check.notNull(notice, "notice");
    return keys.apply(key, notice, () -> {
      synchronized (notices) {
        notices.add(notice);
      }
      return DeliveryStatus.DELIVERED;
    });
  }

  /** Every notice received, in arrival order. */
  public List<TriageNotice> notices() {
    synchronized (notices) {
      return List.copyOf(notices);
    }
  }

  /**
   * The notices a reviewer has to look at: for each alert only its latest notice (a later one supersedes an earlier
   * one), most severe first, then in arrival order.
   */
  public List<TriageNotice> queue() {
    List<TriageNotice> latest = new ArrayList<>();
    synchronized (notices) {
      for (int i = notices.size() - 1; i >= 0; i--) {
        TriageNotice n = notices.get(i);
        if (latest.stream().noneMatch(l -> l.alert().equals(n.alert()))) {
          latest.add(0, n);
        }
      }
    }
    latest.sort(java.util.Comparator.comparing(TriageNotice::severity).reversed());
    return latest;
  }

  public int size() {
    synchronized (notices) {
      return notices.size();
    }
  }
}
