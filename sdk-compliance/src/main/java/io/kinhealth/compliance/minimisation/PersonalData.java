package io.kinhealth.compliance.minimisation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what a field (or record component) of a host's class holds, for {@link Minimiser#minimiseObject}: its
 * data category code and, optionally, the name a {@link MinimisationPolicy} knows it by. A field whose declared
 * category is not within the category the policy lists for that name is withheld, so a policy can never release,
 * say, a diagnosis through a rule written for a mobile number.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface PersonalData {
  /** The data category code, e.g. {@code contact.mobile}. */
  String category();

  /** The name in the policy; the field's own name when empty. */
  String name() default "";
}
