package io.kinhealth.family.spi;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.calendar.MenstrualPeriod;
import io.kinhealth.family.calendar.Pregnancy;
import io.kinhealth.family.calendar.PregnancyId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Stores a member's cycle log (period starts) and pregnancies.
 *
 * <p>Contract (checked by {@code CalendarStoreContractKit} in kinhealth-testkit):
 * <ul>
 *   <li>{@link #addPeriod} is idempotent per key (same key and equal period: the stored one; another period: an
 *       {@link io.kinhealth.core.error.IdempotencyConflictException}); a member has one period per start day
 *       ({@link io.kinhealth.core.error.ConflictException}, reason {@code calendar.period.exists});
 *       {@link #removePeriod} is idempotent per key and tells whether it removed one;
 *   <li>{@link #recentPeriods} returns at most {@code limit} periods starting before {@code before}, newest first
 *       (one indexed read);
 *   <li>{@link #savePregnancy} takes a key and request digest like the other stores: same key and digest return the
 *       pregnancy as stored now, another digest is an idempotency conflict; a new pregnancy
 *       ({@code expectedVersion} 0) is stored at version 1, an update at {@code expectedVersion + 1}, else
 *       {@code ConflictException} (reason {@code pregnancy.version_conflict}); {@link #pregnanciesOf} lists a
 *       member's pregnancies, latest last menstrual period first (a few rows);
 *   <li>a write that throws leaves nothing behind; writes join the caller's transaction.
 * </ul>
 */
public interface CalendarStore {

  MenstrualPeriod addPeriod(IdempotencyKey key, MenstrualPeriod period);

  boolean removePeriod(IdempotencyKey key, PersonId subject, LocalDate start);

  /** At most {@code limit} periods of {@code subject} starting before {@code before}, newest first. */
  List<MenstrualPeriod> recentPeriods(PersonId subject, LocalDate before, int limit);

  Pregnancy savePregnancy(IdempotencyKey key, String requestDigest, Pregnancy pregnancy, long expectedVersion);

  Optional<Pregnancy> findPregnancy(PregnancyId id);

  /** The member's pregnancies, latest last menstrual period first. */
  List<Pregnancy> pregnanciesOf(PersonId subject);

  Optional<StoredWrite> findWrite(IdempotencyKey key);
}
