package io.kinhealth.testkit.referral;

import io.kinhealth.referral.memory.InMemoryPaymentGateway;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Behaviour;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Delivery;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Settlement;
import io.kinhealth.referral.payment.NotificationCheck;
import io.kinhealth.referral.payment.PaymentInstruction;
import io.kinhealth.referral.payment.PaymentResult;
import io.kinhealth.referral.payment.ProviderProfile;
import io.kinhealth.referral.payment.RawNotification;
import io.kinhealth.referral.payment.ReturnInstruction;
import io.kinhealth.referral.payment.SplitInstruction;
import io.kinhealth.referral.payment.TransferInstruction;
import io.kinhealth.referral.payment.UnfreezeInstruction;
import io.kinhealth.referral.spi.PaymentGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A payment provider that misbehaves the way real ones do, for simulations and fault-injection tests: calls time out
 * before or after the provider sees them, results arrive late (PENDING, then a final state), requests fail or succeed
 * for only some receivers, queries are lost, and notifications arrive duplicated, reordered and with stale copies.
 * Every fault is drawn from a seeded {@link Random}, so a run is repeatable from its seed.
 *
 * <p>Underneath is the SDK's {@link InMemoryPaymentGateway}, so the provider's own rules (limits, idempotency by key,
 * signed notifications) hold whatever the faults; {@link #inner()} exposes it for checking what actually moved.
 * Thread-safe.
 */
public final class FakePaymentGateway implements PaymentGateway {
  /**
   * How often each fault happens, each a probability in [0, 1].
   *
   * @param maxDelay the longest a late result takes
   */
  public record Faults(double lostBefore, double lostAfter, double late, Duration maxDelay, double failed,
      double partial, double lostQuery, double duplicate, double stale, boolean reorder) {
    public Faults {
      for (double p : new double[] {lostBefore, lostAfter, late, failed, partial, lostQuery, duplicate, stale}) {
        if (p < 0 || p > 1) {
          throw new IllegalArgumentException("a probability is between 0 and 1");
        }
      }
      Objects.requireNonNull(maxDelay, "maxDelay");
    }

    /** A well-behaved provider. */
    public static Faults none() {
      return new Faults(0, 0, 0, Duration.ZERO, 0, 0, 0, 0, 0, false);
    }

    /** Every fault, often: a fifth of calls lost, a third late, duplicated and reordered notifications. */
    public static Faults chaotic() {
      return new Faults(0.1, 0.1, 0.3, Duration.ofHours(3), 0.1, 0.15, 0.1, 0.3, 0.2, true);
    }
  }

  private final InMemoryPaymentGateway provider;
  private final Faults faults;
  private final Random random;
  private final List<RawNotification> stale = new ArrayList<>();
  private final Set<String> staled = new HashSet<>();
  private int lost;

  public FakePaymentGateway(ProviderProfile profile, Clock clock, long seed, Faults faults) {
    this.faults = Objects.requireNonNull(faults, "faults");
    this.random = new Random(seed);
    this.provider = InMemoryPaymentGateway.builder(profile).clock(clock).behaviour(new SeededFaults()).build();
  }

  /** The provider underneath, for checking what it actually did. */
  public InMemoryPaymentGateway inner() {
    return provider;
  }

  /** How many calls and queries the faults lost so far. */
  public synchronized int lostCalls() {
    return lost;
  }

  private final class SeededFaults implements Behaviour {
    @Override
    public Delivery deliver(PaymentInstruction instruction) {
      synchronized (FakePaymentGateway.this) {
        double d = random.nextDouble();
        if (d < faults.lostBefore()) {
          lost++;
          return Delivery.LOST_BEFORE_PROVIDER;
        }
        if (d < faults.lostBefore() + faults.lostAfter()) {
          lost++;
          return Delivery.LOST_AFTER_PROVIDER;
        }
        return Delivery.ANSWERED;
      }
    }

    @Override
    public Settlement settle(PaymentInstruction instruction) {
      synchronized (FakePaymentGateway.this) {
        Settlement s;
        double d = random.nextDouble();
        if (d < faults.failed()) {
          s = Settlement.fail("FAKE_FAILED");
        } else if (instruction instanceof SplitInstruction split && d < faults.failed() + faults.partial()
            && split.receivers().size() > 1) {
          Set<Integer> failed = new HashSet<>();
          failed.add(random.nextInt(split.receivers().size()));
          s = Settlement.failReceivers(failed, "FAKE_RECEIVER_FAILED");
        } else {
          s = Settlement.succeed();
        }
        if (random.nextDouble() < faults.late() && !faults.maxDelay().isZero()) {
          s = s.late(Duration.ofSeconds(1 + (long) (random.nextDouble() * faults.maxDelay().toSeconds())));
          if (random.nextDouble() < faults.stale()) {
            stale.add(provider.notificationOf(PaymentResult.pending(instruction.key(), null)));
          }
        }
        return s;
      }
    }

    @Override
    public boolean queryLost(PaymentInstruction instruction) {
      synchronized (FakePaymentGateway.this) {
        boolean l = random.nextDouble() < faults.lostQuery();
        if (l) {
          lost++;
        }
        return l;
      }
    }
  }

  /**
   * The notifications the provider sent since the last call, as a careless network delivers them: some twice, in a
   * shuffled order, with stale PENDING copies of late requests mixed in.
   */
  public List<RawNotification> deliverNotifications() {
    // Taken before this gateway's lock: calls into the provider take its lock first, then this one.
    List<RawNotification> sent = provider.takeNotifications();
    synchronized (this) {
      return shuffled(sent);
    }
  }

  private List<RawNotification> shuffled(List<RawNotification> sent) {
    List<RawNotification> out = new ArrayList<>();
    for (RawNotification n : sent) {
      out.add(n);
      while (random.nextDouble() < faults.duplicate()) {
        out.add(n);
      }
    }
    for (RawNotification n : stale) {
      if (staled.add(n.body())) {
        out.add(n);
      }
    }
    stale.clear();
    if (faults.reorder()) {
      Collections.shuffle(out, random);
    }
    return out;
  }

  @Override
  public String provider() {
    return provider.provider();
  }

  @Override
  public PaymentResult split(SplitInstruction instruction) {
    return provider.split(instruction);
  }

  @Override
  public PaymentResult unfreeze(UnfreezeInstruction instruction) {
    return provider.unfreeze(instruction);
  }

  @Override
  public PaymentResult returnSplit(ReturnInstruction instruction) {
    return provider.returnSplit(instruction);
  }

  @Override
  public PaymentResult transfer(TransferInstruction instruction) {
    return provider.transfer(instruction);
  }

  @Override
  public PaymentResult query(PaymentInstruction instruction) {
    return provider.query(instruction);
  }

  @Override
  public NotificationCheck verify(RawNotification notification) {
    return provider.verify(notification);
  }
}
