package io.kinhealth.compliance.marketing;

import io.kinhealth.core.validation.Check;

/**
 * Why a message was blocked: a stable code (see {@link GateReasons}), the law or rule it rests on, and a detail free
 * of personal data.
 */
public record GateReason(String code, String citation, String detail) {
  public GateReason {
    Check.notBlank(code, "code");
    Check.notBlank(citation, "citation");
    Check.notNull(detail, "detail");
  }
}
