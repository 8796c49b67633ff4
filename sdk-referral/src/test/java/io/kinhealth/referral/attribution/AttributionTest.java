package io.kinhealth.referral.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.memory.InMemoryKeyRing;
import io.kinhealth.core.spi.KeyUse;
import io.kinhealth.referral.Attribution;
import io.kinhealth.referral.ReferralEvent;
import io.kinhealth.referral.TestClock;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.rule.GuardPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Attribution")
class AttributionTest {
  final TestClock clock = TestClock.at("2026-11-25T02:00:00Z");
  final InMemoryKeyRing keys = InMemoryKeyRing.generated();
  final InMemoryEventBus events = new InMemoryEventBus();
  final AtomicInteger keySeq = new AtomicInteger();
  static final PartyId ALICE = PartyId.of("alice");
  static final PartyId BOB = PartyId.of("bob");
  static final PartyId CAROL = PartyId.of("carol");
  static final PartyId DAN = PartyId.of("dan");

  Attribution attribution(BindingPolicy policy) {
    return Attribution.builder().clock(clock).keys(keys).events(events).policy(policy).build();
  }

  ScanOutcome scan(Attribution a, PartyId referrer, PartyId referee) {
    return scan(a, referrer, referee, false, Set.of());
  }

  ScanOutcome scan(Attribution a, PartyId referrer, PartyId referee, boolean atRegistration, Set<Fingerprint> fps) {
    String token = a.issueToken(referrer, 3, Duration.ofDays(7)).value();
    return a.scan(new ScanCommand(IdempotencyKey.of("scan-" + keySeq.incrementAndGet()), token, referee,
        atRegistration, fps));
  }

  @Nested
  @DisplayName("binds by mode:")
  class Modes {
    @Test
    @DisplayName("first touch keeps the first referrer")
    void firstTouch() {
      Attribution a = attribution(BindingPolicy.ofDefaults());
      assertThat(scan(a, ALICE, CAROL).result()).isEqualTo(ScanResult.BOUND);
      ScanOutcome second = scan(a, BOB, CAROL);
      assertThat(second.result()).isEqualTo(ScanResult.KEPT_EXISTING);
      assertThat(second.binding().referrer()).isEqualTo(ALICE);
      assertThat(second.binding().campaign()).isEqualTo(3);
    }

    @Test
    @DisplayName("registration-only binds only the scan that comes with registration")
    void registrationOnly() {
      Attribution a = attribution(BindingPolicy.ofDefaults().withMode(BindingMode.REGISTRATION_ONLY));
      ScanOutcome ignored = scan(a, ALICE, CAROL);
      assertThat(ignored.result()).isEqualTo(ScanResult.NOT_AT_REGISTRATION);
      assertThat(ignored.binding()).isNull();
      assertThat(scan(a, BOB, CAROL, true, Set.of()).result()).isEqualTo(ScanResult.BOUND);
      assertThat(scan(a, ALICE, CAROL, true, Set.of()).result()).isEqualTo(ScanResult.KEPT_EXISTING);
      assertThat(a.bindingOf(CAROL)).get().extracting(ReferralBinding::referrer).isEqualTo(BOB);
    }

    @Test
    @DisplayName("last touch rebinds on every scan and keeps the history")
    void lastTouch() {
      Attribution a = attribution(BindingPolicy.ofDefaults().withMode(BindingMode.LAST_TOUCH));
      scan(a, ALICE, CAROL);
      var firstBound = clock.instant();
      clock.advance(Duration.ofHours(1));
      assertThat(scan(a, BOB, CAROL).result()).isEqualTo(ScanResult.REBOUND);
      clock.advance(Duration.ofHours(1));
      assertThat(scan(a, BOB, CAROL).result()).isEqualTo(ScanResult.RENEWED);
      assertThat(a.bindingOf(CAROL)).get().extracting(ReferralBinding::version).isEqualTo(3L);
      assertThat(a.chainAt(CAROL, firstBound)).extracting(l -> l.referrer().party()).containsExactly(ALICE);
      assertThat(a.chainAt(CAROL, clock.instant())).extracting(l -> l.referrer().party()).containsExactly(BOB);
      assertThat(a.chainAt(CAROL, firstBound.minusSeconds(1))).isEmpty();
    }

    @Test
    @DisplayName("a lock holds for its period (30 days by default), then the next scan may rebind")
    void locked() {
      Attribution a = attribution(BindingPolicy.ofDefaults().withMode(BindingMode.LOCKED));
      assertThat(a.policy().lockPeriod()).isEqualTo(Duration.ofDays(30));
      scan(a, ALICE, CAROL);
      clock.advance(Duration.ofDays(29));
      assertThat(scan(a, BOB, CAROL).result()).isEqualTo(ScanResult.KEPT_EXISTING);
      clock.advance(Duration.ofDays(1));
      ScanOutcome rebound = scan(a, BOB, CAROL);
      assertThat(rebound.result()).isEqualTo(ScanResult.REBOUND);
      assertThat(rebound.binding().lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    }
  }

  @Nested
  @DisplayName("rejects")
  class Rejections {
    @Test
    @DisplayName("self-referral")
    void self() {
      Attribution a = attribution(BindingPolicy.ofDefaults());
      assertThatThrownBy(() -> scan(a, ALICE, ALICE)).isInstanceOfSatisfying(ForbiddenException.class,
          e -> assertThat(e.reason()).isEqualTo("referral.binding.self_referral"));
    }

    @Test
    @DisplayName("cycles of any length: A->B->A and A->B->C->D->A")
    void cycles() {
      Attribution a = attribution(BindingPolicy.ofDefaults().withMode(BindingMode.LAST_TOUCH));
      scan(a, ALICE, BOB);
      assertThatThrownBy(() -> scan(a, BOB, ALICE)).isInstanceOfSatisfying(ForbiddenException.class,
          e -> assertThat(e.reason()).isEqualTo("referral.binding.cycle"));
      scan(a, BOB, CAROL);
      scan(a, CAROL, DAN);
      assertThatThrownBy(() -> scan(a, DAN, ALICE)).isInstanceOfSatisfying(ForbiddenException.class,
          e -> assertThat(e.reason()).isEqualTo("referral.binding.cycle"));
      assertThat(a.bindingOf(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("a token whose referrer the store does not know")
    void unknownReferrer() {
      Attribution a = attribution(BindingPolicy.ofDefaults());
      String foreign = Attribution.builder().clock(clock).keys(keys).build().issueToken(ALICE, 1, Duration.ofDays(1))
          .value();
      assertThatThrownBy(() -> a.scan(ScanCommand.of(IdempotencyKey.of("s1"), foreign, BOB)))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.token.unknown_referrer"));
    }
  }

  @Nested
  @DisplayName("flags, without refusing,")
  class Flags {
    @Test
    @DisplayName("a referee sharing a device, phone, openid or payout account with the referrer")
    void shared() {
      Attribution a = attribution(BindingPolicy.ofDefaults());
      var key = keys.current(KeyUse.HMAC_SHA256);
      Fingerprint phone = Fingerprint.of(FingerprintKind.PHONE, "+8618012341999", key);
      Fingerprint device = Fingerprint.of(FingerprintKind.DEVICE, "idfa-123", key);
      a.recordFingerprints(ALICE, Set.of(phone, device));
      ScanOutcome o = scan(a, ALICE, BOB, false, Set.of(phone, device,
          Fingerprint.of(FingerprintKind.OPENID, "o-bob", key)));
      assertThat(o.result()).isEqualTo(ScanResult.BOUND);
      assertThat(o.flags()).containsExactlyInAnyOrder(AbuseFlag.SHARED_PHONE, AbuseFlag.SHARED_DEVICE);
      assertThat(o.binding().flags()).isEqualTo(o.flags());
      assertThat(AbuseFlag.SHARED_PHONE.reason()).isEqualTo("referral.binding.shared_phone");
      assertThat(phone.toString()).doesNotContain("1999").startsWith("PHONE:");
    }

    @Test
    @DisplayName("a referrer binding more referees in the window than the velocity limit")
    void velocity() {
      Attribution a = attribution(BindingPolicy.ofDefaults().withVelocity(3, Duration.ofHours(1)));
      for (int i = 0; i < 3; i++) {
        assertThat(scan(a, ALICE, PartyId.of("r" + i)).flags()).isEmpty();
      }
      assertThat(scan(a, ALICE, PartyId.of("r3")).flags()).containsExactly(AbuseFlag.VELOCITY);
      clock.advance(Duration.ofHours(1));
      assertThat(scan(a, ALICE, PartyId.of("r4")).flags()).isEmpty();
    }
  }

  @Test
  @DisplayName("returns the first outcome for a replayed scan, and refuses the key with another command")
  void idempotent() {
    Attribution a = attribution(BindingPolicy.ofDefaults().withMode(BindingMode.LAST_TOUCH));
    List<ReferralEvent> seen = new ArrayList<>();
    events.subscribe(ReferralEvent.class, seen::add);
    String token = a.issueToken(ALICE, 1, Duration.ofDays(1)).value();
    ScanCommand cmd = ScanCommand.of(IdempotencyKey.of("wx-scan-1"), token, BOB);
    ScanOutcome first = a.scan(cmd);
    clock.advance(Duration.ofMinutes(5));
    assertThat(a.scan(cmd)).isEqualTo(first);
    assertThat(a.bindingOf(BOB)).get().extracting(ReferralBinding::version).isEqualTo(1L);
    assertThat(seen).hasSize(1);
    assertThatThrownBy(() -> a.scan(ScanCommand.of(IdempotencyKey.of("wx-scan-1"), token, CAROL)))
        .isInstanceOf(IdempotencyConflictException.class);
  }

  @Test
  @DisplayName("resolves the chain up to the configured depth, at most two levels")
  void depth() {
    Attribution one = attribution(BindingPolicy.ofDefaults());
    scan(one, ALICE, BOB);
    scan(one, BOB, CAROL);
    assertThat(one.chainAt(CAROL, clock.instant())).extracting(ChainLink::level).containsExactly(1);
    Attribution two = Attribution.builder().clock(clock).keys(keys).depth(2, GuardPolicy.bundled()).build();
    scan(two, ALICE, BOB);
    scan(two, BOB, CAROL);
    scan(two, CAROL, DAN);
    assertThat(two.chainAt(DAN, clock.instant())).extracting(l -> l.referrer().party()).containsExactly(CAROL, BOB);
    assertThatThrownBy(() -> Attribution.builder().depth(3, GuardPolicy.bundled()).build())
        .isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("registers referrers with stable codes and lets their kind change")
  void referrers() {
    Attribution a = attribution(BindingPolicy.ofDefaults());
    Referrer r = a.registerReferrer(ALICE, ReferrerKind.MEMBER);
    assertThat(a.registerReferrer(ALICE, ReferrerKind.MEMBER)).isEqualTo(r);
    Referrer staff = a.registerReferrer(ALICE, ReferrerKind.MEDICAL_STAFF);
    assertThat(staff.code()).isEqualTo(r.code());
    assertThat(staff.kind()).isEqualTo(ReferrerKind.MEDICAL_STAFF);
    assertThat(a.registerReferrer(BOB, ReferrerKind.AGENT).code()).isNotEqualTo(r.code());
  }
}
