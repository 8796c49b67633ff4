package io.kinhealth.testkit.referral;

import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.payment.NotificationCheck;
import io.kinhealth.referral.payment.PaymentInstruction;
import io.kinhealth.referral.payment.PaymentResult;
import io.kinhealth.referral.payment.RawNotification;
import io.kinhealth.referral.payment.ReturnInstruction;
import io.kinhealth.referral.payment.SplitInstruction;
import io.kinhealth.referral.payment.TransferInstruction;
import io.kinhealth.referral.payment.UnfreezeInstruction;
import io.kinhealth.referral.spi.PaymentGateway;
import java.util.function.Supplier;

/**
 * A {@link PaymentGateway} that forwards every operation to another one, for wrapping a gateway in tests (faults,
 * counting, slowness) without restating the SPI. Every request and query passes through {@link #call}: override it
 * to act around the provider (throw before or after it, change the answer); {@link #verify} forwards as is.
 */
public class ForwardingPaymentGateway implements PaymentGateway {
  private final PaymentGateway delegate;

  public ForwardingPaymentGateway(PaymentGateway delegate) {
    this.delegate = Check.notNull(delegate, "delegate");
  }

  /** The gateway this one forwards to. */
  protected PaymentGateway delegate() {
    return delegate;
  }

  /**
   * Runs one request or query against the delegate; {@code toProvider} makes the call. The default just makes it.
   *
   * @param instruction the instruction sent or queried
   */
  protected PaymentResult call(PaymentInstruction instruction, Supplier<PaymentResult> toProvider) {
    return toProvider.get();
  }

  @Override
  public String provider() {
    return delegate.provider();
  }

  @Override
  public PaymentResult split(SplitInstruction instruction) {
    return call(instruction, () -> delegate.split(instruction));
  }

  @Override
  public PaymentResult unfreeze(UnfreezeInstruction instruction) {
    return call(instruction, () -> delegate.unfreeze(instruction));
  }

  @Override
  public PaymentResult returnSplit(ReturnInstruction instruction) {
    return call(instruction, () -> delegate.returnSplit(instruction));
  }

  @Override
  public PaymentResult transfer(TransferInstruction instruction) {
    return call(instruction, () -> delegate.transfer(instruction));
  }

  @Override
  public PaymentResult query(PaymentInstruction instruction) {
    return call(instruction, () -> delegate.query(instruction));
  }

  @Override
  public NotificationCheck verify(RawNotification notification) {
    return delegate.verify(notification);
  }
}
