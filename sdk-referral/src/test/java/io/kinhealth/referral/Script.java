package io.kinhealth.referral;

import io.kinhealth.referral.memory.InMemoryPaymentGateway.Behaviour;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Delivery;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Settlement;
import io.kinhealth.referral.payment.PaymentInstruction;
import java.util.ArrayDeque;
import java.util.Deque;

/** A provider behaviour scripted call by call: queued deliveries and settlements, then the happy default. */
final class Script implements Behaviour {
  private final Deque<Delivery> deliveries = new ArrayDeque<>();
  private final Deque<Settlement> settlements = new ArrayDeque<>();
  private int lostQueries;

  Script deliver(Delivery... next) {
    deliveries.addAll(java.util.List.of(next));
    return this;
  }

  Script settle(Settlement... next) {
    settlements.addAll(java.util.List.of(next));
    return this;
  }

  Script loseQueries(int n) {
    lostQueries += n;
    return this;
  }

  @Override
  public synchronized Delivery deliver(PaymentInstruction instruction) {
    return deliveries.isEmpty() ? Delivery.ANSWERED : deliveries.poll();
  }

  @Override
  public synchronized Settlement settle(PaymentInstruction instruction) {
    return settlements.isEmpty() ? Settlement.succeed() : settlements.poll();
  }

  @Override
  public synchronized boolean queryLost(PaymentInstruction instruction) {
    if (lostQueries > 0) {
      lostQueries--;
      return true;
    }
    return false;
  }
}
