package io.kinhealth.referral.payment;

import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.party.PartyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One request to a provider as the SDK recorded it, before sending it (write-ahead) and as it settles: the
 * instruction, the status the provider last gave, each split receiver's status, and when the reconciler checks it
 * next. Its key is its identity; each receiver's money moves on the ledger exactly once, when its status first
 * becomes final.
 *
 * @param ledgerRef what the key was derived from, e.g. {@code split:order-7:1}; unique per ledger effect
 * @param order the order it concerns; null for transfers
 * @param anchor the refund a return recovers, the withdrawal a transfer pays; null for splits and unfreezes
 * @param receivers per split receiver, its status (in instruction order); empty for other kinds
 * @param checks how many times the reconciler has queried it
 * @param nextCheckAt when the reconciler queries it next; null once final
 * @param version grows by one on every change (optimistic concurrency)
 */
public record PaymentRequest(
    RequestKey key,
    String ledgerRef,
    OrderId order,
    String anchor,
    PaymentInstruction instruction,
    PaymentStatus status,
    List<PaymentStatus> receivers,
    String providerReference,
    String errorCode,
    Instant requestedAt,
    Instant settledAt,
    int checks,
    Instant nextCheckAt,
    long version) {

  public PaymentRequest {
    Check.notNull(key, "key");
    Check.notBlank(ledgerRef, "ledgerRef");
    Check.notNull(instruction, "instruction");
    Check.that(instruction.key().equals(key), "instruction", "referral.payment.key_mismatch",
        "the instruction carries another key");
    Check.notNull(status, "status");
    receivers = List.copyOf(Check.noNulls(receivers == null ? List.of() : receivers, "receivers"));
    if (instruction instanceof SplitInstruction s) {
      Check.that(receivers.size() == s.receivers().size(), "receivers", "referral.payment.receivers",
          "a split request has one status per receiver");
    } else {
      Check.that(receivers.isEmpty(), "receivers", "referral.payment.receivers", "only splits have receivers");
    }
    Check.notNull(requestedAt, "requestedAt");
    Check.notNegative(checks, "checks");
    Check.that(status.isFinal() == (nextCheckAt == null), "nextCheckAt", "referral.payment.schedule",
        "a request is checked again exactly while it is not final");
    Check.notNegative(version, "version");
  }

  /** A request about to be sent: UNKNOWN until the provider answers, checked first at {@code firstCheckAt}. */
  public static PaymentRequest unsent(PaymentInstruction instruction, String ledgerRef, OrderId order, String anchor,
      Instant now, Instant firstCheckAt) {
    List<PaymentStatus> receivers = new ArrayList<>();
    if (instruction instanceof SplitInstruction s) {
      receivers.addAll(Collections.nCopies(s.receivers().size(), PaymentStatus.UNKNOWN));
    }
    return new PaymentRequest(instruction.key(), ledgerRef, order, anchor, instruction, PaymentStatus.UNKNOWN,
        receivers, null, null, now, null, 0, firstCheckAt, 0);
  }

  public PaymentKind kind() {
    return instruction.kind();
  }

  public String provider() {
    return instruction.provider();
  }

  public boolean isFinal() {
    return status.isFinal();
  }

  /** The party a return recovers from or a transfer pays; null for splits and unfreezes. */
  public PartyId party() {
    if (instruction instanceof ReturnInstruction r) {
      return r.party();
    }
    if (instruction instanceof TransferInstruction t) {
      return t.party();
    }
    return null;
  }

  /** What the provider moved: for a succeeded split, the receivers that succeeded; else the amount asked for. */
  public Money settledAmount() {
    if (instruction instanceof SplitInstruction s && status == PaymentStatus.SUCCEEDED) {
      Money sum = Money.zero(s.amount().currency());
      for (int i = 0; i < receivers.size(); i++) {
        if (receivers.get(i) == PaymentStatus.SUCCEEDED) {
          sum = sum.plus(s.receivers().get(i).amount());
        }
      }
      return sum;
    }
    return instruction.amount();
  }

  /** What this split has paid (or may still pay) {@code party}: its receivers that have not failed. */
  public long splitToMinor(PartyId party, boolean succeededOnly) {
    if (!(instruction instanceof SplitInstruction s)) {
      return 0;
    }
    long sum = 0;
    for (int i = 0; i < receivers.size(); i++) {
      PaymentStatus st = receivers.get(i);
      boolean counts = succeededOnly ? st == PaymentStatus.SUCCEEDED : st != PaymentStatus.FAILED;
      if (counts && s.receivers().get(i).party().equals(party)) {
        sum += s.receivers().get(i).amount().minor();
      }
    }
    return sum;
  }

  /** This request with a new state, one version later. */
  public PaymentRequest next(PaymentStatus status, List<PaymentStatus> receivers, String providerReference,
      String errorCode, Instant settledAt, int checks, Instant nextCheckAt) {
    if (this.status.isFinal() && status != this.status) {
      throw new IntegrityException("referral.payment.final", "status",
          "request " + key + " is " + this.status + " and cannot become " + status);
    }
    return new PaymentRequest(key, ledgerRef, order, anchor, instruction, status, receivers, providerReference,
        errorCode, requestedAt, settledAt, checks, nextCheckAt, version + 1);
  }
}
