package io.kinhealth.referral;

import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.memory.InMemoryKeyRing;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.EventPublisher;
import io.kinhealth.core.spi.KeyRing;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.attribution.AbuseFlag;
import io.kinhealth.referral.attribution.BindingMode;
import io.kinhealth.referral.attribution.BindingPolicy;
import io.kinhealth.referral.attribution.ChainLink;
import io.kinhealth.referral.attribution.Fingerprint;
import io.kinhealth.referral.attribution.ReferralBinding;
import io.kinhealth.referral.attribution.Referrer;
import io.kinhealth.referral.attribution.ReferrerKind;
import io.kinhealth.referral.attribution.ScanCommand;
import io.kinhealth.referral.attribution.ScanOutcome;
import io.kinhealth.referral.attribution.ScanRecord;
import io.kinhealth.referral.attribution.ScanResult;
import io.kinhealth.referral.memory.InMemoryReferralStore;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.rule.GuardPolicy;
import io.kinhealth.referral.spi.ReferralStore;
import io.kinhealth.referral.token.ReferralToken;
import io.kinhealth.referral.token.ReferralTokenCodec;
import io.kinhealth.referral.token.TokenClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who brought whom: referrers, their signed tokens, and the bindings that scans of those tokens make.
 *
 * <p>Guarantees: a token names its referrer only through an opaque code and is checked in constant time
 * ({@link ReferralTokenCodec}); a scan never binds anyone to themselves ({@code referral.binding.self_referral}) or
 * closes a loop in the referral chain, however long ({@code referral.binding.cycle}); shared device, phone, openid
 * or payout-account fingerprints and a referrer's velocity over the policy's limit are flagged on the binding, not
 * hidden; a scan replayed with the same key returns its first outcome; every binding change is kept, so the chain at
 * any past instant can be read back ({@link #chainAt}). Thread-safe; build once with {@link #builder()}.
 */
public final class Attribution {
  /** The longest referral chain walked when looking for a cycle. */
  public static final int MAX_CHAIN = 256;

  private final ReferralStore store;
  private final ReferralTokenCodec tokens;
  private final TransactionRunner transactions;
  private final EventPublisher events;
  private final Clock clock;
  private final BindingPolicy policy;
  private final int depth;

  private Attribution(Builder b) {
    this.store = b.store;
    this.tokens = ReferralTokenCodec.of(b.keys);
    this.transactions = b.transactions;
    this.events = b.events;
    this.clock = b.clock;
    this.policy = b.policy;
    this.depth = b.depth;
  }

  public static Builder builder() {
    return new Builder();
  }

  public BindingPolicy policy() {
    return policy;
  }

  /** How many referral levels orders are attributed to. */
  public int depth() {
    return depth;
  }

  /** Registers {@code party} as a referrer of {@code kind}, or updates the kind of one already registered. */
  public Referrer registerReferrer(PartyId party, ReferrerKind kind) {
    Check.notNull(party, "party");
    Check.notNull(kind, "kind");
    return transactions.inTransaction(() -> {
      Optional<Referrer> existing = store.findReferrer(party);
      if (existing.isEmpty()) {
        return store.insertReferrer(party, kind);
      }
      Referrer r = existing.get();
      if (r.kind() == kind) {
        return r;
      }
      Referrer next = r.withKind(kind);
      store.updateReferrer(next, r.version());
      return next;
    });
  }

  public Optional<Referrer> referrer(PartyId party) {
    return store.findReferrer(Check.notNull(party, "party"));
  }

  /**
   * A token for {@code referrer} (registered as a {@link ReferrerKind#MEMBER} if not yet a referrer) and
   * {@code campaign}, valid for {@code validity} from now.
   */
  public ReferralToken issueToken(PartyId referrer, int campaign, Duration validity) {
    Check.notNull(validity, "validity");
    Check.that(!validity.isNegative() && !validity.isZero(), "validity", "not_positive", "validity must be positive");
    Referrer r = store.findReferrer(Check.notNull(referrer, "referrer"))
        .orElseGet(() -> registerReferrer(referrer, ReferrerKind.MEMBER));
    return tokens.issue(r.code(), campaign, clock.instant().plus(validity));
  }

  /** Checks a token now and returns its claims; see {@link ReferralTokenCodec#verify}. */
  public TokenClaims verify(String token) {
    return tokens.verify(token, clock.instant());
  }

  /** Remembers fingerprints seen for {@code party} (e.g. at login), to flag later referrals that share them. */
  public void recordFingerprints(PartyId party, Set<Fingerprint> fingerprints) {
    Check.notNull(party, "party");
    Check.noNulls(fingerprints, "fingerprints");
    transactions.execute(() -> store.addFingerprints(party, fingerprints));
  }

  /**
   * Handles a scan of a referral token under the {@link BindingPolicy}.
   *
   * @throws ValidationException for a bad token ({@code referral.token.*}) or an unknown referrer code
   *     ({@code referral.token.unknown_referrer})
   * @throws ForbiddenException for self-referral ({@code referral.binding.self_referral}) or a cycle
   *     ({@code referral.binding.cycle}, {@code referral.binding.chain_too_long})
   * @throws IdempotencyConflictException when the key was first used with another command
   */
  public ScanOutcome scan(ScanCommand command) {
    Check.notNull(command, "command");
    return transactions.inTransaction(() -> {
      Optional<ScanRecord> seen = store.findScan(command.key());
      if (seen.isPresent()) {
        if (!seen.get().command().equals(command)) {
          throw new IdempotencyConflictException("idempotency.payload_mismatch", "key",
              "this scan key was first used with another command");
        }
        return seen.get().outcome();
      }
      Instant now = clock.instant();
      TokenClaims claims = tokens.verify(command.token(), now);
      Referrer referrer = store.findReferrerByCode(claims.referrerCode()).orElseThrow(() ->
          new ValidationException("token", "referral.token.unknown_referrer", "the token's referrer is not known"));
      PartyId referee = command.referee();
      if (referrer.party().equals(referee)) {
        throw new ForbiddenException("referral.binding.self_referral", "referee", "nobody can refer themselves");
      }
      Set<AbuseFlag> flags = flags(referrer.party(), command.fingerprints(), now);
      Optional<ReferralBinding> current = store.currentBinding(referee);
      ScanResult result = decide(command, current, referrer.party(), now);
      ReferralBinding binding = current.orElse(null);
      if (result.changedBinding()) {
        requireNoCycle(referrer.party(), referee);
        long version = current.map(ReferralBinding::version).orElse(0L);
        Instant lockedUntil = policy.mode() == BindingMode.LOCKED ? now.plus(policy.lockPeriod()) : null;
        binding = new ReferralBinding(referee, referrer.party(), claims.campaign(), now, lockedUntil, policy.mode(),
            flags, version + 1);
        store.saveBinding(binding, version);
        ScanResult r = result;
        transactions.afterCommit(() -> events.publish(
            new ReferralEvent.ReferralBound(referee, referrer.party(), r, now)));
      }
      if (!command.fingerprints().isEmpty()) {
        store.addFingerprints(referee, command.fingerprints());
      }
      ScanOutcome outcome = new ScanOutcome(result, referrer.party(), binding, flags);
      store.insertScan(new ScanRecord(command.key(), command, outcome));
      return outcome;
    });
  }

  private ScanResult decide(ScanCommand command, Optional<ReferralBinding> current, PartyId referrer, Instant now) {
    boolean bound = current.isPresent();
    boolean same = bound && current.get().referrer().equals(referrer);
    return switch (policy.mode()) {
      case FIRST_TOUCH -> bound ? ScanResult.KEPT_EXISTING : ScanResult.BOUND;
      case REGISTRATION_ONLY -> bound ? ScanResult.KEPT_EXISTING
          : command.atRegistration() ? ScanResult.BOUND : ScanResult.NOT_AT_REGISTRATION;
      case LAST_TOUCH -> !bound ? ScanResult.BOUND : same ? ScanResult.RENEWED : ScanResult.REBOUND;
      case LOCKED -> {
        if (!bound) {
          yield ScanResult.BOUND;
        }
        Instant until = current.get().lockedUntil();
        if (until != null && now.isBefore(until)) {
          yield ScanResult.KEPT_EXISTING;
        }
        yield same ? ScanResult.RENEWED : ScanResult.REBOUND;
      }
    };
  }

  private Set<AbuseFlag> flags(PartyId referrer, Set<Fingerprint> refereePrints, Instant now) {
    Set<AbuseFlag> flags = EnumSet.noneOf(AbuseFlag.class);
    if (!refereePrints.isEmpty()) {
      Set<Fingerprint> referrerPrints = store.fingerprintsOf(referrer);
      for (Fingerprint f : refereePrints) {
        if (referrerPrints.contains(f)) {
          flags.add(AbuseFlag.sharing(f.kind()));
        }
      }
    }
    if (store.countBindingsSince(referrer, now.minus(policy.velocityWindow())) >= policy.velocityLimit()) {
      flags.add(AbuseFlag.VELOCITY);
    }
    return flags;
  }

  /** Walks up from the new referrer: meeting the referee there would close a loop. */
  private void requireNoCycle(PartyId referrer, PartyId referee) {
    PartyId at = referrer;
    Set<PartyId> seen = new HashSet<>();
    for (int step = 0; step < MAX_CHAIN; step++) {
      Optional<ReferralBinding> up = store.currentBinding(at);
      if (up.isEmpty()) {
        return;
      }
      at = up.get().referrer();
      if (at.equals(referee)) {
        throw new ForbiddenException("referral.binding.cycle", "referee",
            "binding would make a loop in the referral chain");
      }
      if (!seen.add(at)) {
        return; // an older loop above (made before this check existed); the referee is not in it
      }
    }
    throw new ForbiddenException("referral.binding.chain_too_long", "referee",
        "the referrer's chain is longer than " + MAX_CHAIN + " levels");
  }

  /** The referee's current binding. */
  public Optional<ReferralBinding> bindingOf(PartyId referee) {
    return store.currentBinding(Check.notNull(referee, "referee"));
  }

  /**
   * The customer's referral chain at {@code at}, up to this engine's depth: level 1 brought the customer, level 2
   * brought level 1. Stops early where nobody brought the previous level.
   */
  public List<ChainLink> chainAt(PartyId customer, Instant at) {
    Check.notNull(customer, "customer");
    Check.notNull(at, "at");
    List<ChainLink> chain = new ArrayList<>(depth);
    PartyId current = customer;
    Set<PartyId> seen = new HashSet<>();
    seen.add(customer);
    for (int level = 1; level <= depth; level++) {
      Optional<ReferralBinding> b = store.bindingAt(current, at);
      if (b.isEmpty() || !seen.add(b.get().referrer())) {
        break;
      }
      Optional<Referrer> r = store.findReferrer(b.get().referrer());
      if (r.isEmpty()) {
        break;
      }
      chain.add(new ChainLink(level, r.get(), b.get()));
      current = b.get().referrer();
    }
    return List.copyOf(chain);
  }

  /** Builds an {@link Attribution}; every part has an in-memory or default value. */
  public static final class Builder {
    private ReferralStore store;
    private KeyRing keys;
    private TransactionRunner transactions;
    private EventPublisher events;
    private Clock clock = Clock.systemUTC();
    private BindingPolicy policy = BindingPolicy.ofDefaults();
    private int depth = GuardPolicy.bundled().defaultDepth();
    private int hardMaxDepth = GuardPolicy.bundled().hardMaxDepth();

    private Builder() {}

    public Builder store(ReferralStore store) {
      this.store = Check.notNull(store, "store");
      return this;
    }

    public Builder keys(KeyRing keys) {
      this.keys = Check.notNull(keys, "keys");
      return this;
    }

    public Builder transactions(TransactionRunner transactions) {
      this.transactions = Check.notNull(transactions, "transactions");
      return this;
    }

    public Builder events(EventPublisher events) {
      this.events = Check.notNull(events, "events");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Check.notNull(clock, "clock");
      return this;
    }

    public Builder policy(BindingPolicy policy) {
      this.policy = Check.notNull(policy, "policy");
      return this;
    }

    /** Referral levels orders are attributed to, within the guard policy's hard maximum. */
    public Builder depth(int depth, GuardPolicy guards) {
      this.hardMaxDepth = Check.notNull(guards, "guards").hardMaxDepth();
      this.depth = depth;
      return this;
    }

    public Attribution build() {
      Check.inRange(depth, 1, hardMaxDepth, "depth");
      Builder b = copy();
      return new Attribution(b);
    }

    private Builder copy() {
      Builder b = new Builder();
      b.store = store != null ? store : new InMemoryReferralStore();
      b.keys = keys != null ? keys : InMemoryKeyRing.generated();
      b.transactions = transactions != null ? transactions : new InMemoryTransactionRunner();
      b.events = events != null ? events : new InMemoryEventBus();
      b.clock = clock;
      b.policy = policy;
      b.depth = depth;
      b.hardMaxDepth = hardMaxDepth;
      return b;
    }
  }
}
