package io.kinhealth.referral.payment;

/** The operations of the payment SPI that change money at a provider. */
public enum PaymentKind {
  /** Profit sharing (分账): part of a paid order's frozen funds to receivers. */
  SPLIT,
  /** Releasing (解冻) what was not split back to the merchant; no further split of the order is possible after it. */
  UNFREEZE,
  /** Returning (回退) a split from a receiver to the merchant, typically before a refund. */
  RETURN,
  /** Paying a person out to their wallet (零钱 / balance) or bank card. */
  TRANSFER
}
