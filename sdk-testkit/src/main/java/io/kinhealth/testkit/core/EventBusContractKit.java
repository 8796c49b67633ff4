package io.kinhealth.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.spi.DomainEvent;
import io.kinhealth.core.spi.EventBus;
import io.kinhealth.core.spi.EventSubscriptions.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EventBus} must keep for the SDK to rely on it (for example to invalidate consent
 * decision caches): synchronous in-process delivery by type, isolation from failing subscribers, and closable
 * subscriptions. Extend it and supply {@link #createBus()}.
 */
public abstract class EventBusContractKit {

  protected abstract EventBus createBus();

  private EventBus bus;

  @BeforeEach
  void setUpBus() {
    bus = createBus();
  }

  /** A test event. */
  public record Happened(String what, Instant occurredAt) implements DomainEvent {
    @Override
    public String type() {
      return "test.happened";
    }
  }

  /** A subtype of {@link Happened}'s family, to check delivery by supertype. */
  public interface Special extends DomainEvent {}

  /** A special test event. */
  public record SpecialHappened(Instant occurredAt) implements Special {
    @Override
    public String type() {
      return "test.special";
    }
  }

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Nested
  @DisplayName("delivery")
  class Delivery {
    @Test
    @DisplayName("reaches every subscriber of the event's type before publish returns")
    void reachesSubscribers() {
      List<String> a = new ArrayList<>();
      List<String> b = new ArrayList<>();
      bus.subscribe(Happened.class, e -> a.add(e.what()));
      bus.subscribe(Happened.class, e -> b.add(e.what()));
      bus.publish(new Happened("x", T0));
      assertThat(a).containsExactly("x");
      assertThat(b).containsExactly("x");
    }

    @Test
    @DisplayName("reaches subscribers of a supertype and not subscribers of unrelated types")
    void byType() {
      List<DomainEvent> all = new ArrayList<>();
      List<Special> special = new ArrayList<>();
      List<Happened> happened = new ArrayList<>();
      bus.subscribe(DomainEvent.class, all::add);
      bus.subscribe(Special.class, special::add);
      bus.subscribe(Happened.class, happened::add);
      bus.publish(new SpecialHappened(T0));
      assertThat(all).hasSize(1);
      assertThat(special).hasSize(1);
      assertThat(happened).isEmpty();
    }

    @Test
    @DisplayName("refuses a null event with a validation error")
    void refusesNull() {
      assertThatCode(() -> bus.publish(null)).isInstanceOf(KinHealthException.class);
    }
  }

  @Nested
  @DisplayName("failing subscribers")
  class FailingSubscribers {
    @Test
    @DisplayName("do not stop delivery to the others and do not reach the publisher")
    void isolated() {
      List<String> seen = new ArrayList<>();
      bus.subscribe(Happened.class, e -> {
        throw new IllegalStateException("subscriber bug");
      });
      bus.subscribe(Happened.class, e -> seen.add(e.what()));
      assertThatCode(() -> bus.publish(new Happened("y", T0))).doesNotThrowAnyException();
      assertThat(seen).containsExactly("y");
    }
  }

  @Nested
  @DisplayName("subscriptions")
  class Subscriptions {
    @Test
    @DisplayName("receive nothing after they are closed, and closing twice is harmless")
    void closed() {
      List<String> seen = new ArrayList<>();
      Subscription s = bus.subscribe(Happened.class, e -> seen.add(e.what()));
      bus.publish(new Happened("before", T0));
      s.close();
      s.close();
      bus.publish(new Happened("after", T0));
      assertThat(seen).containsExactly("before");
    }
  }
}
