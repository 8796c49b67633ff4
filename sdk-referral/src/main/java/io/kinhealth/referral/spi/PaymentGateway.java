package io.kinhealth.referral.spi;

import io.kinhealth.referral.payment.NotificationCheck;
import io.kinhealth.referral.payment.PaymentInstruction;
import io.kinhealth.referral.payment.PaymentResult;
import io.kinhealth.referral.payment.RawNotification;
import io.kinhealth.referral.payment.ReturnInstruction;
import io.kinhealth.referral.payment.SplitInstruction;
import io.kinhealth.referral.payment.TransferInstruction;
import io.kinhealth.referral.payment.UnfreezeInstruction;

/**
 * A payment provider, as the host reaches it through the client it already uses (WxJava for WeChat Pay, the Alipay
 * SDK). One method per operation, in Kill Bill's model. The embedded default is
 * {@code io.kinhealth.referral.memory.InMemoryPaymentGateway}, an in-process provider.
 *
 * <p>Contract (checked by {@code PaymentGatewayContractKit} in kinhealth-testkit):
 *
 * <ul>
 *   <li>the instruction's key is the provider's idempotency key ({@code out_order_no}, {@code out_return_no},
 *       {@code out_bill_no}, {@code out_request_no}, {@code out_biz_no}): sending it again must never move money
 *       twice, and the provider's answer for it never changes once final;
 *   <li>outcomes are returned, never thrown: a timeout, a dropped connection or an answer the adapter cannot read is
 *       {@code UNKNOWN}, never {@code FAILED}; {@code FAILED} means the provider said the request did not and will
 *       not happen. Throw only for faults of the host's own setup; the SDK treats a thrown request as
 *       {@code UNKNOWN} (it may have reached the provider) and settles it by querying;
 *   <li>{@link #query} answers for any key sent earlier, with {@code PaymentResult.notFound} when the provider has
 *       no such request (it never arrived; the SDK then sends it again under the same key);
 *   <li>{@link #verify} checks a notification's signature with the provider's key and only then reads it.
 * </ul>
 *
 * <p>Adapters are called outside the SDK's transactions and may block on the network; they must be thread-safe.
 * Methods added in later versions will be {@code default} methods.
 */
public interface PaymentGateway {

  /** The provider's ledger account name this gateway serves ({@code wechat}, {@code alipay}). */
  String provider();

  /** Requests profit sharing (分账) of a paid order to the instruction's receivers. */
  PaymentResult split(SplitInstruction instruction);

  /** Releases (解冻) what was not split of an order back to the merchant. */
  PaymentResult unfreeze(UnfreezeInstruction instruction);

  /** Returns (回退) part of a split from a receiver to the merchant. */
  PaymentResult returnSplit(ReturnInstruction instruction);

  /** Pays a person out to their wallet or bank card. */
  PaymentResult transfer(TransferInstruction instruction);

  /** The provider's current answer for an instruction sent earlier (by its key). */
  PaymentResult query(PaymentInstruction instruction);

  /** Checks a notification's signature and, if authentic, reads the result it reports. */
  NotificationCheck verify(RawNotification notification);
}
