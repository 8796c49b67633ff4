package io.kinhealth.testkit.referral;

import io.kinhealth.referral.memory.InMemoryPaymentGateway;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Behaviour;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Delivery;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Settlement;
import io.kinhealth.referral.payment.PaymentInstruction;
import io.kinhealth.referral.payment.PaymentResult;
import io.kinhealth.referral.payment.ProviderProfile;
import io.kinhealth.referral.payment.RawNotification;
import io.kinhealth.referral.payment.SplitInstruction;
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
public final class FakePaymentGateway extends ForwardingPaymentGateway {
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
    this(profile, clock, seed, faults, new SeededFaults());
  }

  private FakePaymentGateway(ProviderProfile profile, Clock clock, long seed, Faults faults, SeededFaults seeded) {
    super(InMemoryPaymentGateway.builder(profile).clock(clock).behaviour(seeded).build());
    this.provider = (InMemoryPaymentGateway) delegate();
    this.faults = Objects.requireNonNull(faults, "faults");
    this.random = new Random(seed);
    seeded.owner = this; // the provider consults its behaviour only on calls, after construction
  }

  /** The provider underneath, for checking what it actually did. */
  public InMemoryPaymentGateway inner() {
    return provider;
  }

  /** How many calls and queries the faults lost so far. */
  public synchronized int lostCalls() {
    return lost;
  }

  /** The provider's behaviour, drawn from the owning fake's seeded faults under the owner's lock. */
  private static final class SeededFaults implements Behaviour {
    volatile FakePaymentGateway owner;

    @Override
    public Delivery deliver(PaymentInstruction instruction) {
      FakePaymentGateway g = owner;
      synchronized (g) {
        double d = g.random.nextDouble();
        if (d < g.faults.lostBefore()) {
          g.lost++;
          return Delivery.LOST_BEFORE_PROVIDER;
        }
        if (d < g.faults.lostBefore() + g.faults.lostAfter()) {
          g.lost++;
          return Delivery.LOST_AFTER_PROVIDER;
        }
        return Delivery.ANSWERED;
      }
    }

    @Override
    public Settlement settle(PaymentInstruction instruction) {
      FakePaymentGateway g = owner;
      synchronized (g) {
        Settlement s;
        double d = g.random.nextDouble();
        if (d < g.faults.failed()) {
          s = Settlement.fail("FAKE_FAILED");
        } else if (instruction instanceof SplitInstruction split && d < g.faults.failed() + g.faults.partial()
            && split.receivers().size() > 1) {
          Set<Integer> failed = new HashSet<>();
          failed.add(g.random.nextInt(split.receivers().size()));
          s = Settlement.failReceivers(failed, "FAKE_RECEIVER_FAILED");
        } else {
          s = Settlement.succeed();
        }
        if (g.random.nextDouble() < g.faults.late() && !g.faults.maxDelay().isZero()) {
          s = s.late(Duration.ofSeconds(1 + (long) (g.random.nextDouble() * g.faults.maxDelay().toSeconds())));
          if (g.random.nextDouble() < g.faults.stale()) {
            g.stale.add(g.provider.notificationOf(PaymentResult.pending(instruction.key(), null)));
          }
        }
        return s;
      }
    }

    @Override
    public boolean queryLost(PaymentInstruction instruction) {
      FakePaymentGateway g = owner;
      synchronized (g) {
        boolean l = g.random.nextDouble() < g.faults.lostQuery();
        if (l) {
          g.lost++;
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
}
