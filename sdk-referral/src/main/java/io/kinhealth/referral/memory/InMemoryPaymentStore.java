package io.kinhealth.referral.memory;

import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.payment.DailyWithdrawals;
import io.kinhealth.referral.payment.PaymentRequest;
import io.kinhealth.referral.payment.ReceiverAccount;
import io.kinhealth.referral.payment.RequestKey;
import io.kinhealth.referral.payment.Withdrawal;
import io.kinhealth.referral.payment.WithdrawalId;
import io.kinhealth.referral.spi.PaymentStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The embedded default {@link PaymentStore}: everything in memory, not durable. Every write records its undo with
 * the in-memory transaction runner, so a rolled-back transaction leaves no trace. Thread-safe (one monitor).
 */
public final class InMemoryPaymentStore implements PaymentStore {
  private static final String PREFIX = "referral";

  private final Map<RequestKey, PaymentRequest> requests = new HashMap<>();
  private final Map<OrderId, TreeSet<TimeKey>> byOrder = new HashMap<>();
  private final TreeSet<TimeKey> due = new TreeSet<>();
  private final Map<String, TreeSet<TimeKey>> byProvider = new HashMap<>();
  private final Map<ReceiverKey, ReceiverAccount> receivers = new HashMap<>();
  private final Map<WithdrawalId, Withdrawal> withdrawals = new HashMap<>();
  private final Map<DayKey, DailyWithdrawals> daily = new HashMap<>();

  private record ReceiverKey(PartyId party, String provider) {}

  private record DayKey(PartyId party, LocalDate day) {}

  // --- requests --------------------------------------------------------------------------------------------------

  @Override
  public synchronized Optional<PaymentRequest> findRequest(RequestKey key) {
    return Optional.ofNullable(requests.get(Check.notNull(key, "key")));
  }

  @Override
  public synchronized PaymentRequest insertRequest(PaymentRequest request) {
    Check.notNull(request, "request");
    return VersionedRows.insertIndexed(this, requests, request.key(), request, PaymentRequest::version, "request",
        this::index, this::unindex);
  }

  @Override
  public synchronized void updateRequest(PaymentRequest next, long expectedVersion) {
    Check.notNull(next, "next");
    VersionedRows.replaceIndexed(this, requests, next.key(), next, PaymentRequest::version, expectedVersion,
        "request", this::index, this::unindex);
  }

  private void index(PaymentRequest r) {
    TimeKey at = new TimeKey(r.requestedAt(), r.key().value());
    if (r.order() != null) {
      byOrder.computeIfAbsent(r.order(), k -> new TreeSet<>()).add(at);
    }
    byProvider.computeIfAbsent(r.provider(), k -> new TreeSet<>()).add(at);
    if (r.nextCheckAt() != null) {
      due.add(new TimeKey(r.nextCheckAt(), r.key().value()));
    }
  }

  private void unindex(PaymentRequest r) {
    TimeKey at = new TimeKey(r.requestedAt(), r.key().value());
    if (r.order() != null) {
      byOrder.get(r.order()).remove(at);
    }
    byProvider.get(r.provider()).remove(at);
    if (r.nextCheckAt() != null) {
      due.remove(new TimeKey(r.nextCheckAt(), r.key().value()));
    }
  }

  @Override
  public synchronized Page<PaymentRequest> requestsOfOrder(OrderId order, PageRequest page) {
    Check.notNull(order, "order");
    Check.notNull(page, "page");
    return TimeKey.page(byOrder.getOrDefault(order, new TreeSet<>()), page, null, this::load);
  }

  @Override
  public synchronized Page<PaymentRequest> requestsDue(Instant at, PageRequest page) {
    Check.notNull(at, "at");
    Check.notNull(page, "page");
    return TimeKey.page(due, page, at, this::load);
  }

  @Override
  public synchronized Page<PaymentRequest> requestsBetween(String provider, Instant from, Instant to,
      PageRequest page) {
    Check.notNull(provider, "provider");
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    Check.notNull(page, "page");
    TreeSet<TimeKey> index = byProvider.getOrDefault(provider, new TreeSet<>());
    return TimeKey.page(index.subSet(new TimeKey(from, ""), true, new TimeKey(to, ""), false), page, null,
        this::load);
  }

  private PaymentRequest load(TimeKey k) {
    return requests.get(RequestKey.of(k.id()));
  }

  // --- receivers -------------------------------------------------------------------------------------------------

  @Override
  public synchronized Optional<ReceiverAccount> findReceiver(PartyId party, String provider) {
    return Optional.ofNullable(receivers.get(new ReceiverKey(Check.notNull(party, "party"),
        Check.notNull(provider, "provider"))));
  }

  @Override
  public synchronized void saveReceiver(ReceiverAccount next, long expectedVersion) {
    Check.notNull(next, "next");
    VersionedRows.save(this, receivers, new ReceiverKey(next.party(), next.provider()), next,
        ReceiverAccount::version, expectedVersion, PREFIX);
  }

  // --- withdrawals -----------------------------------------------------------------------------------------------

  @Override
  public synchronized Optional<Withdrawal> findWithdrawal(WithdrawalId id) {
    return Optional.ofNullable(withdrawals.get(Check.notNull(id, "id")));
  }

  @Override
  public synchronized Withdrawal insertWithdrawal(Withdrawal withdrawal) {
    Check.notNull(withdrawal, "withdrawal");
    return VersionedRows.insertIndexed(this, withdrawals, withdrawal.id(), withdrawal, Withdrawal::version,
        "withdrawal", w -> { }, w -> { });
  }

  @Override
  public synchronized void updateWithdrawal(Withdrawal next, long expectedVersion) {
    Check.notNull(next, "next");
    VersionedRows.replace(this, withdrawals, next.id(), next, Withdrawal::version, expectedVersion, PREFIX,
        "withdrawal");
  }

  @Override
  public synchronized Optional<DailyWithdrawals> findDailyWithdrawals(PartyId party, LocalDate day) {
    return Optional.ofNullable(daily.get(new DayKey(Check.notNull(party, "party"), Check.notNull(day, "day"))));
  }

  @Override
  public synchronized void saveDailyWithdrawals(DailyWithdrawals next, long expectedVersion) {
    Check.notNull(next, "next");
    VersionedRows.save(this, daily, new DayKey(next.party(), next.day()), next, DailyWithdrawals::version,
        expectedVersion, PREFIX);
  }
}
