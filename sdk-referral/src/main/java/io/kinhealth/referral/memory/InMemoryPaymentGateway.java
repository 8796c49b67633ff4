package io.kinhealth.referral.memory;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.payment.NotificationCheck;
import io.kinhealth.referral.payment.PaymentInstruction;
import io.kinhealth.referral.payment.PaymentResult;
import io.kinhealth.referral.payment.PaymentStatus;
import io.kinhealth.referral.payment.ProviderProfile;
import io.kinhealth.referral.payment.RawNotification;
import io.kinhealth.referral.payment.ReceiverOutcome;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.payment.RequestKey;
import io.kinhealth.referral.payment.ReturnInstruction;
import io.kinhealth.referral.payment.SplitInstruction;
import io.kinhealth.referral.payment.SplitReceiver;
import io.kinhealth.referral.payment.TransferInstruction;
import io.kinhealth.referral.payment.UnfreezeInstruction;
import io.kinhealth.referral.spi.PaymentGateway;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The embedded default {@link PaymentGateway}: an in-process provider that behaves as the real ones do where it
 * matters to the books. It keeps one request per key (sending a key again never moves money twice and returns the
 * first request's answer), enforces its {@link ProviderProfile} (receivers per split, splits per order, the ratio cap
 * of a registered payment, returns only from allowed receivers within the window and up to what was split, the
 * smallest transfer), settles requests at once or later, reports per-receiver outcomes, and signs its notifications
 * with HMAC-SHA256.
 *
 * <p>A {@link Behaviour} decides how each request fares: by default every call arrives and succeeds at once. Tests and
 * demonstrations script timeouts (a call lost before or after the provider saw it), late final states, failures and
 * partial success through it; kinhealth-testkit's fake gateway adds seeded faults and duplicated, reordered
 * notifications. Not durable. Thread-safe (one monitor).
 */
public final class InMemoryPaymentGateway implements PaymentGateway {
  /** The provider's error codes for requests it refuses. */
  public static final String RECEIVERS_EXCEEDED = "RECEIVERS_EXCEEDED";
  public static final String SPLITS_EXCEEDED = "SPLITS_EXCEEDED";
  public static final String RATIO_EXCEEDED = "RATIO_EXCEEDED";
  public static final String ORDER_FINISHED = "ORDER_FINISHED";
  public static final String RETURN_NOT_ALLOWED = "RETURN_NOT_ALLOWED";
  public static final String AMOUNT_TOO_SMALL = "AMOUNT_TOO_SMALL";
  public static final String TIMEOUT = "TIMEOUT";
  public static final String SIGNATURE_HEADER = "Kinhealth-Signature";

  /** Whether a call reaches the provider, and whether the provider's answer reaches the caller. */
  public enum Delivery {
    /** The call arrives and its answer comes back. */
    ANSWERED,
    /** The call times out before the provider sees it: the caller gets UNKNOWN, the provider knows nothing. */
    LOST_BEFORE_PROVIDER,
    /** The provider takes the call but its answer is lost: the caller gets UNKNOWN. */
    LOST_AFTER_PROVIDER
  }

  /**
   * How the provider settles a request the first time it sees it: after {@code after} (zero: in its answer), failed
   * as a whole, or with some split receivers failed (all failed instead when the profile is all or nothing).
   */
  public record Settlement(Duration after, boolean failed, Set<Integer> failedReceivers, String errorCode) {
    public Settlement {
      Check.notNull(after, "after");
      Check.that(!after.isNegative(), "after", "negative", "after must not be negative");
      failedReceivers = Set.copyOf(Check.noNulls(failedReceivers == null ? Set.of() : failedReceivers,
          "failedReceivers"));
    }

    public static Settlement succeed() {
      return new Settlement(Duration.ZERO, false, Set.of(), null);
    }

    public static Settlement fail(String errorCode) {
      return new Settlement(Duration.ZERO, true, Set.of(), Check.notBlank(errorCode, "errorCode"));
    }

    /** The split succeeds for every receiver but these. */
    public static Settlement failReceivers(Set<Integer> receivers, String errorCode) {
      return new Settlement(Duration.ZERO, false, receivers, Check.notBlank(errorCode, "errorCode"));
    }

    /** The same outcome, reached only after {@code delay} (PENDING until then). */
    public Settlement late(Duration delay) {
      return new Settlement(Check.notNull(delay, "delay"), failed, failedReceivers, errorCode);
    }
  }

  /** Scripts how the provider fares; every method has the happy default. */
  public interface Behaviour {
    default Delivery deliver(PaymentInstruction instruction) {
      return Delivery.ANSWERED;
    }

    default Settlement settle(PaymentInstruction instruction) {
      return Settlement.succeed();
    }

    /** Whether a query's answer is lost on the way back (the caller gets UNKNOWN). */
    default boolean queryLost(PaymentInstruction instruction) {
      return false;
    }
  }

  /** Everything arrives and succeeds at once. */
  public static final Behaviour HAPPY = new Behaviour() {};

  private static final class Entry {
    final PaymentInstruction instruction;
    final Instant receivedAt;
    final Instant finalAt;
    final PaymentStatus finalStatus;
    final List<PaymentStatus> receiverStatus;
    final String errorCode;
    final String reference;
    boolean notified;

    Entry(PaymentInstruction instruction, Instant receivedAt, Instant finalAt, PaymentStatus finalStatus,
        List<PaymentStatus> receiverStatus, String errorCode, String reference) {
      this.instruction = instruction;
      this.receivedAt = receivedAt;
      this.finalAt = finalAt;
      this.finalStatus = finalStatus;
      this.receiverStatus = receiverStatus;
      this.errorCode = errorCode;
      this.reference = reference;
    }

    boolean isFinalAt(Instant now) {
      return !now.isBefore(finalAt);
    }

    /** Whether, seen at {@code now}, this request moves (or may still move) money. */
    boolean countsAt(Instant now) {
      return !isFinalAt(now) || finalStatus == PaymentStatus.SUCCEEDED;
    }
  }

  private final ProviderProfile profile;
  private final Clock clock;
  private final Behaviour behaviour;
  private final byte[] signingKey;
  private final Map<RequestKey, Entry> entries = new LinkedHashMap<>();
  private final Map<String, Money> payments = new HashMap<>();
  private final List<RawNotification> outbox = new ArrayList<>();
  private long references;

  private InMemoryPaymentGateway(Builder b) {
    this.profile = b.profile;
    this.clock = b.clock;
    this.behaviour = b.behaviour;
    this.signingKey = b.signingKey != null ? b.signingKey.clone() : randomKey();
  }

  public static Builder builder(ProviderProfile profile) {
    return new Builder(profile);
  }

  @Override
  public String provider() {
    return profile.provider();
  }

  public ProviderProfile profile() {
    return profile;
  }

  /** Registers a customer's payment (its transaction id and amount), so splits of it are held to the ratio cap. */
  public synchronized void registerPayment(String transaction, Money amount) {
    payments.put(Check.notBlank(transaction, "transaction"), Check.notNull(amount, "amount"));
  }

  // --- operations --------------------------------------------------------------------------------------------------

  @Override
  public PaymentResult split(SplitInstruction instruction) {
    return call(instruction);
  }

  @Override
  public PaymentResult unfreeze(UnfreezeInstruction instruction) {
    return call(instruction);
  }

  @Override
  public PaymentResult returnSplit(ReturnInstruction instruction) {
    return call(instruction);
  }

  @Override
  public PaymentResult transfer(TransferInstruction instruction) {
    return call(instruction);
  }

  @Override
  public synchronized PaymentResult query(PaymentInstruction instruction) {
    Check.notNull(instruction, "instruction");
    if (behaviour.queryLost(instruction)) {
      return PaymentResult.unknown(instruction.key(), TIMEOUT);
    }
    Entry e = entries.get(instruction.key());
    return e == null ? PaymentResult.notFound(instruction.key()) : view(e, clock.instant());
  }

  @Override
  public NotificationCheck verify(RawNotification notification) {
    Check.notNull(notification, "notification");
    String signature = notification.headers().get(SIGNATURE_HEADER);
    if (!notification.provider().equals(profile.provider()) || signature == null
        || !MessageDigest.isEqual(sign(notification.body()).getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII))) {
      return NotificationCheck.rejected("referral.notification.signature");
    }
    try {
      return NotificationCheck.authentic(NotificationBody.read(notification.body()));
    } catch (RuntimeException e) {
      return NotificationCheck.rejected("referral.notification.unreadable");
    }
  }

  private synchronized PaymentResult call(PaymentInstruction instruction) {
    Check.notNull(instruction, "instruction");
    Check.that(instruction.provider().equals(profile.provider()), "provider", "referral.gateway.provider",
        "this gateway serves " + profile.provider());
    Delivery delivery = behaviour.deliver(instruction);
    if (delivery == Delivery.LOST_BEFORE_PROVIDER) {
      return PaymentResult.unknown(instruction.key(), TIMEOUT);
    }
    Instant now = clock.instant();
    Entry e = entries.get(instruction.key());
    if (e == null) {
      e = accept(instruction, now);
      entries.put(instruction.key(), e);
    }
    notifyDue(now);
    return delivery == Delivery.LOST_AFTER_PROVIDER ? PaymentResult.unknown(instruction.key(), TIMEOUT)
        : view(e, now);
  }

  /** Decides a new request's fate: the provider's own rules first, then the behaviour's settlement. */
  private Entry accept(PaymentInstruction instruction, Instant now) {
    String refusal = refusal(instruction, now);
    Settlement s = refusal != null ? Settlement.fail(refusal) : behaviour.settle(instruction);
    int n = instruction instanceof SplitInstruction split ? split.receivers().size() : 0;
    List<PaymentStatus> receivers = new ArrayList<>(n);
    boolean allOrNothing = !profile.partialSuccess() && !s.failedReceivers().isEmpty();
    boolean failed = s.failed() || allOrNothing || (n > 0 && s.failedReceivers().size() >= n);
    for (int i = 0; i < n; i++) {
      receivers.add(failed || s.failedReceivers().contains(i) ? PaymentStatus.FAILED : PaymentStatus.SUCCEEDED);
    }
    return new Entry(instruction, now, now.plus(s.after()), failed ? PaymentStatus.FAILED : PaymentStatus.SUCCEEDED,
        receivers, failed || !s.failedReceivers().isEmpty() ? s.errorCode() : null,
        profile.provider() + "-" + (++references));
  }

  /** Why the provider refuses the request outright, or null. */
  private String refusal(PaymentInstruction instruction, Instant now) {
    if (instruction instanceof SplitInstruction s) {
      if (s.receivers().size() > profile.maxReceiversPerSplit()) {
        return RECEIVERS_EXCEEDED;
      }
      int splits = 0;
      long split = 0;
      for (Entry e : entries.values()) {
        if (e.instruction instanceof UnfreezeInstruction u && u.transaction().equals(s.transaction())
            && e.countsAt(now)) {
          return ORDER_FINISHED;
        }
        if (e.instruction instanceof SplitInstruction other && other.transaction().equals(s.transaction())) {
          splits++;
          for (int i = 0; i < other.receivers().size(); i++) {
            if (!e.isFinalAt(now) || e.receiverStatus.get(i) == PaymentStatus.SUCCEEDED) {
              split += other.receivers().get(i).amount().minor();
            }
          }
        }
      }
      if (splits >= profile.maxSplitsPerOrder()) {
        return SPLITS_EXCEEDED;
      }
      Money paid = payments.get(s.transaction());
      if (paid != null && split + s.amount().minor() > profile.splitCapMinor(paid.minor())) {
        return RATIO_EXCEEDED;
      }
    } else if (instruction instanceof ReturnInstruction r) {
      return returnRefusal(r, now);
    } else if (instruction instanceof TransferInstruction t) {
      if (t.amount().isLessThan(profile.minimumTransfer())) {
        return AMOUNT_TOO_SMALL;
      }
    }
    return null;
  }

  private String returnRefusal(ReturnInstruction r, Instant now) {
    Entry split = entries.get(r.split());
    if (split == null || !(split.instruction instanceof SplitInstruction s) || !split.isFinalAt(now)
        || (r.type() == ReceiverType.PERSONAL && !profile.returnsFromPersonal())
        || now.isAfter(split.finalAt.plus(profile.returnWindow()))) {
      return RETURN_NOT_ALLOWED;
    }
    long paid = 0;
    for (int i = 0; i < s.receivers().size(); i++) {
      SplitReceiver receiver = s.receivers().get(i);
      if (receiver.account().equals(r.account()) && split.receiverStatus.get(i) == PaymentStatus.SUCCEEDED) {
        paid += receiver.amount().minor();
      }
    }
    int returns = 0;
    for (Entry e : entries.values()) {
      if (e.instruction instanceof ReturnInstruction other && other.split().equals(r.split())) {
        returns++;
        if (other.account().equals(r.account()) && e.countsAt(now)) {
          paid -= other.amount().minor();
        }
      }
    }
    return returns >= profile.maxReturnsPerSplit() || r.amount().minor() > paid ? RETURN_NOT_ALLOWED : null;
  }

  private PaymentResult view(Entry e, Instant now) {
    RequestKey key = e.instruction.key();
    if (!e.isFinalAt(now)) {
      return PaymentResult.pending(key, e.reference);
    }
    List<ReceiverOutcome> receivers = new ArrayList<>(e.receiverStatus.size());
    for (int i = 0; i < e.receiverStatus.size(); i++) {
      receivers.add(e.receiverStatus.get(i) == PaymentStatus.SUCCEEDED ? ReceiverOutcome.succeeded(i)
          : ReceiverOutcome.failed(i, e.errorCode));
    }
    return new PaymentResult(key, e.finalStatus, e.reference, e.errorCode, receivers, false);
  }

  // --- notifications -----------------------------------------------------------------------------------------------

  /**
   * Takes the notifications the provider has sent since the last call, in the order it sent them: one per request
   * that became final (requests settling late are noticed as the clock passes their time).
   */
  public synchronized List<RawNotification> takeNotifications() {
    notifyDue(clock.instant());
    List<RawNotification> out = List.copyOf(outbox);
    outbox.clear();
    return out;
  }

  /** A signed notification reporting {@code result}, as this provider would send it. */
  public RawNotification notificationOf(PaymentResult result) {
    String body = NotificationBody.write(result);
    return new RawNotification(profile.provider(), Map.of(SIGNATURE_HEADER, sign(body)), body);
  }

  private void notifyDue(Instant now) {
    for (Entry e : entries.values()) {
      if (!e.notified && e.isFinalAt(now)) {
        e.notified = true;
        outbox.add(notificationOf(view(e, now)));
      }
    }
  }

  private String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  // --- what the provider holds -------------------------------------------------------------------------------------

  /** How many distinct requests (keys) the provider has received. */
  public synchronized int requestCount() {
    return entries.size();
  }

  /** The provider's answer for {@code key} now, if it ever received it. */
  public synchronized PaymentResult answerFor(RequestKey key) {
    Entry e = entries.get(Check.notNull(key, "key"));
    return e == null ? PaymentResult.notFound(key) : view(e, clock.instant());
  }

  /**
   * What the provider has paid to {@code account} as a split receiver, less what was returned from it: money that
   * left the merchant, counted once per request however often a key was sent.
   */
  public synchronized Money splitNetTo(String account) {
    Instant now = clock.instant();
    long sum = 0;
    for (Entry e : entries.values()) {
      if (!e.isFinalAt(now)) {
        continue;
      }
      if (e.instruction instanceof SplitInstruction s) {
        for (int i = 0; i < s.receivers().size(); i++) {
          if (s.receivers().get(i).account().equals(account) && e.receiverStatus.get(i) == PaymentStatus.SUCCEEDED) {
            sum += s.receivers().get(i).amount().minor();
          }
        }
      } else if (e.instruction instanceof ReturnInstruction r && r.account().equals(account)
          && e.finalStatus == PaymentStatus.SUCCEEDED) {
        sum -= r.amount().minor();
      }
    }
    return Money.ofMinor(sum);
  }

  /** What the provider has transferred to {@code account} (wallet or card), counted once per request. */
  public synchronized Money transferredTo(String account) {
    Instant now = clock.instant();
    long sum = 0;
    for (Entry e : entries.values()) {
      if (e.instruction instanceof TransferInstruction t && t.destination().account().equals(account)
          && e.isFinalAt(now) && e.finalStatus == PaymentStatus.SUCCEEDED) {
        sum += t.amount().minor();
      }
    }
    return Money.ofMinor(sum);
  }

  /** Builds an {@link InMemoryPaymentGateway}. */
  public static final class Builder {
    private final ProviderProfile profile;
    private Clock clock = Clock.systemUTC();
    private Behaviour behaviour = HAPPY;
    private byte[] signingKey;

    private Builder(ProviderProfile profile) {
      this.profile = Check.notNull(profile, "profile");
    }

    public Builder clock(Clock clock) {
      this.clock = Check.notNull(clock, "clock");
      return this;
    }

    public Builder behaviour(Behaviour behaviour) {
      this.behaviour = Check.notNull(behaviour, "behaviour");
      return this;
    }

    /** The key notifications are signed with (default: a random one). */
    public Builder signingKey(byte[] key) {
      Check.notNull(key, "key");
      Check.that(key.length >= 16, "key", "referral.gateway.key_length", "a signing key has at least 16 bytes");
      this.signingKey = key.clone();
      return this;
    }

    public InMemoryPaymentGateway build() {
      return new InMemoryPaymentGateway(this);
    }
  }
}
