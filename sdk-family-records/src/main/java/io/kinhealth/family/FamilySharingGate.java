package io.kinhealth.family;

/**
 * The seam between family records and consent: asked before every read of another member's data, it decides which of
 * the requested data categories the viewer may see now, for the purpose of family sharing, and records the decision
 * in the audit.
 *
 * <p>Contract: default deny (a category is permitted only if a decision permits it); an error while deciding denies;
 * no decision is cached beyond what the consent service itself invalidates, so a withdrawal is honoured by the next
 * read; every call is audited (who asked, about whom, which categories, the outcome), never with health values.
 * The SDK's default is backed by the kinhealth-compliance consent service; tests may supply their own.
 */
@FunctionalInterface
public interface FamilySharingGate {
  SharingDecision decide(SharingRequest request);
}
