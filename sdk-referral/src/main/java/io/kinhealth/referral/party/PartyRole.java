package io.kinhealth.referral.party;

import io.kinhealth.core.validation.Check;

/**
 * The part a party plays in an order, which revenue-share rules pay by: {@link #CLINIC}, {@link #DOCTOR},
 * {@link #REFERRER_L1}, and so on.
 *
 * <p>Roles are an open set: the constants cover the businesses the SDK was built for, and a host may name others
 * ({@code PartyRole.of("PHYSIOTHERAPIST")}). A code is 1 to 40 characters of {@code [A-Z0-9_]} starting with a
 * letter. Which roles count as medical staff for the compliance guards is not decided here but by the versioned
 * {@link io.kinhealth.referral.rule.GuardPolicy}. Referrer roles are {@code REFERRER_L<n>}; the engine fills them
 * from attribution, never from the order.
 */
public record PartyRole(String code) {
  /** The platform operator; its shares are posted to the platform's own account. */
  public static final PartyRole PLATFORM = new PartyRole("PLATFORM");
  /** An acquisition channel paid for bringing customers (an app store, a listing site, a media account). */
  public static final PartyRole CHANNEL = new PartyRole("CHANNEL");
  /** A sales agent or agency (代理). */
  public static final PartyRole AGENT = new PartyRole("AGENT");
  /** The clinic or hospital that delivers the service. */
  public static final PartyRole CLINIC = new PartyRole("CLINIC");
  /** A licensed physician. */
  public static final PartyRole DOCTOR = new PartyRole("DOCTOR");
  /** Other staff of a medical institution (nurses, technicians, customer service). */
  public static final PartyRole STAFF = new PartyRole("STAFF");
  /** A supplier of consumables, drugs or devices. */
  public static final PartyRole SUPPLIER = new PartyRole("SUPPLIER");
  /** Whoever brought the paying customer (one level up the referral chain). */
  public static final PartyRole REFERRER_L1 = new PartyRole("REFERRER_L1");
  /** Whoever brought the first-level referrer (two levels up; the legal maximum the SDK allows). */
  public static final PartyRole REFERRER_L2 = new PartyRole("REFERRER_L2");
  /** Whoever answered a paid question. */
  public static final PartyRole ANSWERER = new PartyRole("ANSWERER");
  /** Whoever asked a paid question (some products share later unlocks with the asker). */
  public static final PartyRole ASKER = new PartyRole("ASKER");

  private static final String REFERRER_PREFIX = "REFERRER_L";

  public PartyRole {
    code = Check.text(code, "role", 40);
    boolean ok = code.charAt(0) >= 'A' && code.charAt(0) <= 'Z';
    for (int i = 0; i < code.length() && ok; i++) {
      char c = code.charAt(i);
      ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    Check.that(ok, "role", "role.format", "a role code is A-Z, 0-9 and _ starting with a letter");
  }

  public static PartyRole of(String code) {
    return new PartyRole(code);
  }

  /** The referrer role {@code levels} steps up the referral chain ({@code REFERRER_L1}, {@code REFERRER_L2}, ...). */
  public static PartyRole referrer(int level) {
    Check.inRange(level, 1, 99, "level");
    return level == 1 ? REFERRER_L1 : level == 2 ? REFERRER_L2 : new PartyRole(REFERRER_PREFIX + level);
  }

  /** How many steps up the referral chain this role is ({@code REFERRER_L2} is 2), or 0 for a non-referrer role. */
  public int referrerLevel() {
    if (!code.startsWith(REFERRER_PREFIX) || code.length() == REFERRER_PREFIX.length()) {
      return 0;
    }
    int level = 0;
    for (int i = REFERRER_PREFIX.length(); i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9' || level > 1000) {
        return 0;
      }
      level = level * 10 + (c - '0');
    }
    return level;
  }

  public boolean isReferrer() {
    return referrerLevel() > 0;
  }

  @Override
  public String toString() {
    return code;
  }
}
