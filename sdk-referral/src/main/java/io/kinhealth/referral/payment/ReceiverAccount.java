package io.kinhealth.referral.payment;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;

/**
 * Where a party receives money at one provider: a merchant id or a person's openid / user id. The account is
 * identifying data of a person when {@link ReceiverType#PERSONAL}: it never appears in {@link #toString()}, logs or
 * exception messages (only its last four characters).
 *
 * @param provider the provider's name, as its ledger account ({@code wechat}, {@code alipay})
 * @param account the provider-side identifier, 1 to 64 printable ASCII characters
 * @param version grows by one on every change (optimistic concurrency)
 */
public record ReceiverAccount(PartyId party, String provider, ReceiverType type, String account, long version) {
  public ReceiverAccount {
    Check.notNull(party, "party");
    provider = TypedId.requireValid(provider, "provider");
    Check.notNull(type, "type");
    account = Check.text(account, "account", 64);
    for (int i = 0; i < account.length(); i++) {
      char c = account.charAt(i);
      Check.that(c > ' ' && c < 127, "account", "referral.receiver.account", "an account is printable ASCII");
    }
    Check.notNegative(version, "version");
  }

  public static ReceiverAccount of(PartyId party, String provider, ReceiverType type, String account) {
    return new ReceiverAccount(party, provider, type, account, 0);
  }

  /** The account with its last four characters only, e.g. {@code ****6789}. */
  public String maskedAccount() {
    return mask(account);
  }

  static String mask(String s) {
    return "****" + s.substring(Math.max(0, s.length() - 4));
  }

  @Override
  public String toString() {
    return "ReceiverAccount[" + party + ", " + provider + ", " + type + ", " + maskedAccount() + ", v" + version + "]";
  }
}
