package io.kinhealth.referral.spi;

import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.payment.DailyWithdrawals;
import io.kinhealth.referral.payment.PaymentRequest;
import io.kinhealth.referral.payment.ReceiverAccount;
import io.kinhealth.referral.payment.RequestKey;
import io.kinhealth.referral.payment.Withdrawal;
import io.kinhealth.referral.payment.WithdrawalId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where payouts keep what is not money: requests sent to providers and their states, parties' receiver accounts,
 * withdrawals and daily withdrawal totals. Money lives in the {@link LedgerStore}. The embedded default is
 * {@code io.kinhealth.referral.memory.InMemoryPaymentStore}.
 *
 * <p>The SDK calls these methods inside {@code TransactionRunner} transactions together with the ledger. Contract
 * (checked by {@code PaymentStoreContractKit} in kinhealth-testkit):
 *
 * <ul>
 *   <li>inserts are idempotent by their natural key: the same key with an equal value returns what is stored; with a
 *       different value they throw {@code IdempotencyConflictException};
 *   <li>updates and saves apply only when the stored version equals {@code expectedVersion} (0 for "not stored
 *       yet") and the new value's version is one more, else they throw {@code ConflictException} (reason
 *       {@code referral.version_conflict}) and change nothing;
 *   <li>range reads page in the documented order with an opaque cursor;
 *   <li>a call that fails throws and has no effect.
 * </ul>
 *
 * <p>Methods added in later versions will be {@code default} methods.
 */
public interface PaymentStore {

  // --- provider requests -----------------------------------------------------------------------------------------

  Optional<PaymentRequest> findRequest(RequestKey key);

  /** Keyed by request key (version 0). */
  PaymentRequest insertRequest(PaymentRequest request);

  void updateRequest(PaymentRequest next, long expectedVersion);

  /** The requests of an order (splits, unfreezes and returns), by request time then key. */
  Page<PaymentRequest> requestsOfOrder(OrderId order, PageRequest page);

  /** Requests not yet final whose next check is at or before {@code at}, by next check then key. */
  Page<PaymentRequest> requestsDue(Instant at, PageRequest page);

  /** A provider's requests made in {@code [from, to)}, by request time then key (statement reconciliation). */
  Page<PaymentRequest> requestsBetween(String provider, Instant from, Instant to, PageRequest page);

  // --- receiver accounts -----------------------------------------------------------------------------------------

  Optional<ReceiverAccount> findReceiver(PartyId party, String provider);

  /** Stores a party's account at a provider; {@code expectedVersion} 0 when none is stored. */
  void saveReceiver(ReceiverAccount next, long expectedVersion);

  // --- withdrawals -----------------------------------------------------------------------------------------------

  Optional<Withdrawal> findWithdrawal(WithdrawalId id);

  /** Keyed by withdrawal id (version 0). */
  Withdrawal insertWithdrawal(Withdrawal withdrawal);

  void updateWithdrawal(Withdrawal next, long expectedVersion);

  Optional<DailyWithdrawals> findDailyWithdrawals(PartyId party, LocalDate day);

  /** Stores a party's total for a day; {@code expectedVersion} 0 when none is stored. */
  void saveDailyWithdrawals(DailyWithdrawals next, long expectedVersion);
}
