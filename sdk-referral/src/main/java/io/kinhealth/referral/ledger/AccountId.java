package io.kinhealth.referral.ledger;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;

/**
 * Names a ledger account: its {@link AccountType} and its owner (a party id, a provider name such as
 * {@code wechat}, or a name for a platform or clearing account). Written {@code TYPE:owner}, e.g.
 * {@code EARNINGS:doctor-17}, which {@link #parse(String)} reads back.
 *
 * <p>Ordered by type then owner: the ledger updates balances in this order so that concurrent writers on a durable
 * store always lock rows in the same order.
 */
public record AccountId(AccountType type, String owner) implements Comparable<AccountId> {
  public AccountId {
    Check.notNull(type, "type");
    owner = TypedId.requireValid(owner, "owner");
  }

  public static AccountId of(AccountType type, String owner) {
    return new AccountId(type, owner);
  }

  /** A party's earnings. */
  public static AccountId earnings(PartyId party) {
    return new AccountId(AccountType.EARNINGS, Check.notNull(party, "party").value());
  }

  /** A party's debt to the platform. */
  public static AccountId debt(PartyId party) {
    return new AccountId(AccountType.DEBT, Check.notNull(party, "party").value());
  }

  /** Money at a payment provider, e.g. {@code provider("wechat")}. */
  public static AccountId provider(String name) {
    return new AccountId(AccountType.PROVIDER, name);
  }

  /** A clearing account, e.g. {@code clearing("orders")}. */
  public static AccountId clearing(String name) {
    return new AccountId(AccountType.CLEARING, name);
  }

  /** A platform revenue account, e.g. {@code platform("revenue")}. */
  public static AccountId platform(String name) {
    return new AccountId(AccountType.PLATFORM, name);
  }

  /** Reads {@code TYPE:owner}. */
  public static AccountId parse(String text) {
    String s = Check.notBlank(text, "accountId");
    int colon = s.indexOf(':');
    if (colon <= 0) {
      throw new ValidationException("accountId", "ledger.account.format", "an account id is TYPE:owner");
    }
    AccountType type;
    try {
      type = AccountType.valueOf(s.substring(0, colon));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("accountId", "ledger.account.type", "unknown account type");
    }
    return new AccountId(type, s.substring(colon + 1));
  }

  @Override
  public int compareTo(AccountId o) {
    int c = type.compareTo(o.type);
    return c != 0 ? c : owner.compareTo(o.owner);
  }

  @Override
  public String toString() {
    return type.name() + ':' + owner;
  }
}
