package io.kinhealth.compliance.memory;

import io.kinhealth.compliance.notice.NoticeContent;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.spi.NoticeStore;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.IdempotencyTable;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The embedded default {@link NoticeStore}: versions in memory. Thread-safe, transactional, not durable. */
public final class InMemoryNoticeStore implements NoticeStore {
  private record Payload(NoticeId id, NoticeContent content) {}

  private final Map<NoticeId, List<PrivacyNotice>> versions = new HashMap<>();
  private final IdempotencyTable<PrivacyNotice> inserts = new IdempotencyTable<>();

  @Override
  public PrivacyNotice insert(PrivacyNotice notice, IdempotencyKey key) {
    Check.notNull(notice, "notice");
    return inserts.apply(key, new Payload(notice.id(), notice.content()), () -> {
      synchronized (this) {
        List<PrivacyNotice> list = versions.computeIfAbsent(notice.id(), k -> new ArrayList<>());
        if (notice.version() <= list.size()) {
          throw new ConflictException("notice.version_exists", "version", "this notice version already exists");
        }
        if (notice.version() != list.size() + 1) {
          throw new ConflictException("notice.version_gap", "version", "notice versions must follow one another");
        }
        list.add(notice);
        InMemoryTransactionRunner.recordUndo(() -> removeLast(notice.id()));
        return notice;
      }
    });
  }

  private synchronized void removeLast(NoticeId id) {
    List<PrivacyNotice> list = versions.get(id);
    list.remove(list.size() - 1);
  }

  @Override
  public synchronized Optional<PrivacyNotice> find(NoticeId id, int version) {
    List<PrivacyNotice> list = id == null ? null : versions.get(id);
    if (list == null || version < 1 || version > list.size()) {
      return Optional.empty();
    }
    return Optional.of(list.get(version - 1));
  }

  @Override
  public synchronized Optional<PrivacyNotice> latest(NoticeId id) {
    List<PrivacyNotice> list = id == null ? null : versions.get(id);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
  }

  @Override
  public synchronized Page<PrivacyNotice> versions(NoticeId id, PageRequest page) {
    Check.notNull(id, "noticeId");
    Check.notNull(page, "page");
    List<PrivacyNotice> list = versions.getOrDefault(id, List.of());
    int start = page.cursor() == null ? list.size() : Integer.parseInt(page.cursor());
    List<PrivacyNotice> items = new ArrayList<>();
    int v = start;
    while (v >= 1 && items.size() < page.limit()) {
      items.add(list.get(v - 1));
      v--;
    }
    return v >= 1 ? new Page<>(items, Integer.toString(v)) : Page.last(items);
  }
}
