package io.kinhealth.referral.attribution;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import java.util.Set;

/**
 * Someone (the referee) opened a referral token: a QR scan, a shared link. Replaying the same key with the same
 * command returns the first outcome.
 *
 * @param atRegistration whether this scan comes with the referee's registration (for
 *     {@link BindingMode#REGISTRATION_ONLY})
 * @param fingerprints the referee's device, phone, openid or payout-account digests seen with this scan
 */
public record ScanCommand(
    IdempotencyKey key, String token, PartyId referee, boolean atRegistration, Set<Fingerprint> fingerprints) {
  public ScanCommand {
    Check.notNull(key, "key");
    Check.notBlank(token, "token");
    Check.notNull(referee, "referee");
    fingerprints = Set.copyOf(Check.noNulls(fingerprints == null ? Set.of() : fingerprints, "fingerprints"));
  }

  public static ScanCommand of(IdempotencyKey key, String token, PartyId referee) {
    return new ScanCommand(key, token, referee, false, Set.of());
  }
}
