package io.kinhealth.referral.payment;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.time.Duration;
import java.util.Set;

/**
 * What one payment provider allows, as data: the SDK plans every instruction within it. Bundled revisions come from
 * {@link ProviderProfiles#bundled()} (a resource file citing its sources); {@code unverified} names the limits that
 * are configurable defaults rather than checked facts. Change a limit with the {@code with...} methods, e.g. a
 * merchant whose WeChat split ratio was raised: {@code profile.withMaxSplitRatio(BasisPoints.of(5000))}.
 *
 * @param id the profile's name in its revision ({@code wechat}, {@code alipay-sync}, {@code alipay-async})
 * @param provider the ledger provider account it applies to ({@code wechat}, {@code alipay})
 * @param maxReceiversPerSplit receivers one split request may name
 * @param maxSplitsPerOrder split requests one order may have over its life
 * @param maxSplitRatio the most of an order's amount that may be split (the rest is the merchant's)
 * @param partialSuccess whether receivers of one request may succeed while others fail (else all or nothing)
 * @param returnsFromPersonal whether a split to a personal receiver can be returned (回退) through the provider
 * @param returnWindow how long after a split it may still be returned
 * @param maxReturnsPerSplit return requests one split may have
 * @param freezePeriod how long after payment the order's funds stay frozen for splitting
 * @param minimumTransfer the smallest transfer to a person
 */
public record ProviderProfile(
    String id,
    String displayName,
    String provider,
    int maxReceiversPerSplit,
    int maxSplitsPerOrder,
    BasisPoints maxSplitRatio,
    boolean partialSuccess,
    boolean returnsFromPersonal,
    Duration returnWindow,
    int maxReturnsPerSplit,
    Duration freezePeriod,
    Money minimumTransfer,
    KeyFormat splitKeys,
    KeyFormat returnKeys,
    KeyFormat transferKeys,
    String revision,
    String source,
    Set<String> unverified) {

  public ProviderProfile {
    id = TypedId.requireValid(id, "id");
    displayName = Check.text(displayName, "displayName", 80);
    provider = TypedId.requireValid(provider, "provider");
    Check.inRange(maxReceiversPerSplit, 1, 10_000, "maxReceiversPerSplit");
    Check.inRange(maxSplitsPerOrder, 1, 10_000, "maxSplitsPerOrder");
    Check.notNull(maxSplitRatio, "maxSplitRatio");
    Check.notNull(returnWindow, "returnWindow");
    Check.that(!returnWindow.isNegative(), "returnWindow", "negative", "returnWindow must not be negative");
    Check.inRange(maxReturnsPerSplit, 0, 10_000, "maxReturnsPerSplit");
    Check.notNull(freezePeriod, "freezePeriod");
    Check.that(!freezePeriod.isNegative() && !freezePeriod.isZero(), "freezePeriod", "not_positive", "freezePeriod must be positive");
    Check.notNull(minimumTransfer, "minimumTransfer");
    Check.that(!minimumTransfer.isNegative(), "minimumTransfer", "negative", "minimumTransfer must not be negative");
    Check.notNull(splitKeys, "splitKeys");
    Check.notNull(returnKeys, "returnKeys");
    Check.notNull(transferKeys, "transferKeys");
    revision = Check.text(revision, "revision", 40);
    source = Check.text(source, "source", 1_000);
    unverified = Set.copyOf(Check.noNulls(unverified == null ? Set.of() : unverified, "unverified"));
  }

  /** The key format of requests of {@code kind} (an unfreeze uses the split's). */
  public KeyFormat keys(PaymentKind kind) {
    return switch (Check.notNull(kind, "kind")) {
      case SPLIT, UNFREEZE -> splitKeys;
      case RETURN -> returnKeys;
      case TRANSFER -> transferKeys;
    };
  }

  /** The most of an order of {@code total} that may be split, rounded down to the fen. */
  public long splitCapMinor(long total) {
    return Math.multiplyExact(total, (long) maxSplitRatio.value()) / BasisPoints.SCALE;
  }

  /** This profile for another ledger provider account (e.g. a second WeChat Pay merchant). */
  public ProviderProfile forProvider(String provider) {
    return new ProviderProfile(id, displayName, provider, maxReceiversPerSplit, maxSplitsPerOrder, maxSplitRatio,
        partialSuccess, returnsFromPersonal, returnWindow, maxReturnsPerSplit, freezePeriod, minimumTransfer,
        splitKeys, returnKeys, transferKeys, revision, source, unverified);
  }

  /** This profile with another split-ratio cap (a merchant may have WeChat Pay raise it). */
  public ProviderProfile withMaxSplitRatio(BasisPoints ratio) {
    return new ProviderProfile(id, displayName, provider, maxReceiversPerSplit, maxSplitsPerOrder, ratio,
        partialSuccess, returnsFromPersonal, returnWindow, maxReturnsPerSplit, freezePeriod, minimumTransfer,
        splitKeys, returnKeys, transferKeys, revision, source, unverified);
  }

  /** This profile with other request limits. */
  public ProviderProfile withRequestLimits(int maxReceiversPerSplit, int maxSplitsPerOrder) {
    return new ProviderProfile(id, displayName, provider, maxReceiversPerSplit, maxSplitsPerOrder, maxSplitRatio,
        partialSuccess, returnsFromPersonal, returnWindow, maxReturnsPerSplit, freezePeriod, minimumTransfer,
        splitKeys, returnKeys, transferKeys, revision, source, unverified);
  }

  /** This profile with other return rules. */
  public ProviderProfile withReturns(boolean fromPersonal, Duration window, int maxPerSplit) {
    return new ProviderProfile(id, displayName, provider, maxReceiversPerSplit, maxSplitsPerOrder, maxSplitRatio,
        partialSuccess, fromPersonal, window, maxPerSplit, freezePeriod, minimumTransfer, splitKeys, returnKeys,
        transferKeys, revision, source, unverified);
  }
}
