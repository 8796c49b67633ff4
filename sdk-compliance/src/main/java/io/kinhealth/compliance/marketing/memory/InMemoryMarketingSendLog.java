package io.kinhealth.compliance.marketing.memory;

import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.marketing.GateDecision;
import io.kinhealth.compliance.marketing.MarketingMessageId;
import io.kinhealth.compliance.marketing.SendWindow;
import io.kinhealth.compliance.marketing.spi.MarketingSendLog;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The embedded default {@link MarketingSendLog}: thread-safe, rolled back with in-memory transactions, not durable. */
public final class InMemoryMarketingSendLog implements MarketingSendLog {
  private record Pair(PersonId recipient, ContentChannel channel) {}

  private final Map<IdempotencyKey, GateDecision> byKey = new HashMap<>();
  private final Map<MarketingMessageId, GateDecision> byMessage = new HashMap<>();
  private final Map<Pair, List<GateDecision>> byPair = new HashMap<>();

  @Override
  public synchronized Optional<GateDecision> find(MarketingMessageId messageId) {
    return Optional.ofNullable(byMessage.get(Check.notNull(messageId, "messageId")));
  }

  @Override
  public synchronized SendWindow window(PersonId recipient, ContentChannel channel, Instant since) {
    Check.notNull(recipient, "recipient");
    Check.notNull(channel, "channel");
    Check.notNull(since, "since");
    List<GateDecision> history = byPair.getOrDefault(new Pair(recipient, channel), List.of());
    int allowed = 0;
    Instant oldest = null;
    for (GateDecision d : history) {
      if (d.allowed() && d.decidedAt().isAfter(since)) {
        allowed++;
        oldest = oldest == null || d.decidedAt().isBefore(oldest) ? d.decidedAt() : oldest;
      }
    }
    return new SendWindow(history.size(), allowed, oldest);
  }

  @Override
  public synchronized GateDecision record(IdempotencyKey key, GateDecision decision, long expectedVersion) {
    Check.notNull(key, "idempotencyKey");
    Check.notNull(decision, "decision");
    GateDecision first = byKey.get(key);
    if (first != null) {
      if (!first.messageDigest().equals(decision.messageDigest())) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "idempotencyKey",
            "this idempotency key was first used for another message");
      }
      return first;
    }
    Check.that(!byMessage.containsKey(decision.messageId()), "messageId", "marketing.send_log.message_recorded",
        "a decision for this message id is already recorded under another key");
    Pair pair = new Pair(decision.recipient(), decision.channel());
    List<GateDecision> history = byPair.computeIfAbsent(pair, p -> new ArrayList<>());
    if (history.size() != expectedVersion) {
      throw new ConflictException("marketing.send_log.version_conflict", "expectedVersion",
          "the send history changed since it was read");
    }
    history.add(decision);
    byKey.put(key, decision);
    byMessage.put(decision.messageId(), decision);
    InMemoryTransactionRunner.recordUndo(() -> undo(key, decision, pair));
    return decision;
  }

  private synchronized void undo(IdempotencyKey key, GateDecision decision, Pair pair) {
    byKey.remove(key);
    byMessage.remove(decision.messageId());
    List<GateDecision> history = byPair.get(pair);
    if (history != null) {
      history.remove(decision);
    }
  }
}
