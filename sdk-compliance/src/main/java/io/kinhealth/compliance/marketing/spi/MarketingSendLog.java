package io.kinhealth.compliance.marketing.spi;

import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.marketing.GateDecision;
import io.kinhealth.compliance.marketing.MarketingMessageId;
import io.kinhealth.compliance.marketing.SendWindow;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the marketing gate keeps its decisions: one row per message id, indexed by (recipient, channel, decidedAt)
 * for the frequency cap. Contract: {@code io.kinhealth.testkit.compliance.MarketingSendLogContractKit}.
 *
 * <ul>
 *   <li>{@link #record} is idempotent per key: the same key with a decision of the same
 *       {@link GateDecision#messageDigest() message digest} returns the first decision unchanged (even if the second
 *       decision differs in time or outcome); another digest is an {@code IdempotencyConflictException};
 *   <li>{@link #record} of a new key checks {@code expectedVersion} against the number of decisions recorded for the
 *       decision's (recipient, channel): a mismatch is a {@code ConflictException} with reason
 *       {@code marketing.send_log.version_conflict} and nothing is written;
 *   <li>writes join the caller's transaction ({@code TransactionRunner}).
 * </ul>
 */
public interface MarketingSendLog {

  /** The decision recorded for a message, if any. */
  Optional<GateDecision> find(MarketingMessageId messageId);

  /**
   * ALLOW decisions for (recipient, channel) decided strictly after {@code since} (a send leaves the window exactly
   * one window length after it was made), the oldest of them, and the pair's version.
   */
  SendWindow window(PersonId recipient, ContentChannel channel, Instant since);

  /** Records a decision; see the class description for idempotency and versions. */
  GateDecision record(IdempotencyKey key, GateDecision decision, long expectedVersion);
}
