package io.kinhealth.referral.payment;

import io.kinhealth.core.money.Money;

/**
 * One request to a payment provider, as the SDK planned it: its key (the idempotency key at the provider), the
 * provider, and what it asks for. Sent through the matching {@link io.kinhealth.referral.spi.PaymentGateway} method
 * and, to learn its outcome later, through {@code query}. Values; equal instructions are the same request.
 */
public sealed interface PaymentInstruction
    permits SplitInstruction, UnfreezeInstruction, ReturnInstruction, TransferInstruction {

  RequestKey key();

  String provider();

  PaymentKind kind();

  /** What the request moves: the sum of a split's receivers, a return's or a transfer's amount; zero to unfreeze. */
  Money amount();
}
