package io.kinhealth.compliance.consent;

/**
 * Whether a record grants or refuses. An active refusal beats any grant for what it covers (deny beats permit): the
 * subject's right to refuse or restrict processing (PIPL art. 44) and to refuse marketing (art. 24).
 */
public enum ConsentChoice {
  GRANTED,
  REFUSED
}
