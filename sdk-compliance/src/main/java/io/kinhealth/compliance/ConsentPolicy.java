package io.kinhealth.compliance;

import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import io.kinhealth.core.id.OrganisationId;
import io.kinhealth.core.model.Zones;
import io.kinhealth.core.validation.Check;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configurable part of consent decisions: immutable, built with {@link #custom()} or {@link #from(ConsentPolicy)},
 * validated in {@link Builder#build()}.
 *
 * <ul>
 *   <li>{@link #version()}: written into every decision and audit entry.
 *   <li>{@link #guardianConsentAge()}: below it a guardian consents (PIPL art. 31: 14).
 *   <li>{@link #zone()}: the calendar on which ages are counted (Asia/Shanghai).
 *   <li>{@link #unknownAgeRule()}: what happens when a consent is needed and the age is unknown (DENY).
 *   <li>{@link #lawfulBasisRules()}: non-consent bases per purpose and action (none by default).
 *   <li>{@link #obligationRules()}: display masks per purpose and category. The defaults
 *       ({@link #DEFAULT_OBLIGATIONS_VERSION}) follow GB/T 35273-2020 §7.4 (display masking) and §5.2 (minimum
 *       necessary): family members see resident id, mobile, address and bank card masked; referral attribution sees
 *       a masked mobile and name; research sees identities only as pseudonyms and never contact details.
 *   <li>{@link #processorOrganisations()}: organisations that are the processor itself (their practitioners are not
 *       third parties, PIPL art. 23 does not apply to them).
 * </ul>
 */
public final class ConsentPolicy {
  public static final String DEFAULT_VERSION = "kinhealth-consent-policy/2026.1";
  /** PIPL art. 31. */
  public static final int DEFAULT_GUARDIAN_CONSENT_AGE = 14;
  public static final String DEFAULT_OBLIGATIONS_VERSION = "gbt35273-2020-display-masking/2026.1";

  private final String version;
  private final int guardianConsentAge;
  private final ZoneId zone;
  private final UnknownAgeRule unknownAgeRule;
  private final List<LawfulBasisRule> lawfulBasisRules;
  private final List<ObligationRule> obligationRules;
  private final Set<OrganisationId> processorOrganisations;

  private ConsentPolicy(Builder b) {
    this.version = Check.text(b.version, "policy.version", 100);
    this.guardianConsentAge = (int) Check.inRange(b.guardianConsentAge, 1, 18, "policy.guardianConsentAge");
    this.zone = Check.notNull(b.zone, "policy.zone");
    this.unknownAgeRule = Check.notNull(b.unknownAgeRule, "policy.unknownAgeRule");
    this.lawfulBasisRules = List.copyOf(Check.noNulls(b.lawfulBasisRules, "policy.lawfulBasisRules"));
    this.obligationRules = List.copyOf(Check.noNulls(b.obligationRules, "policy.obligationRules"));
    this.processorOrganisations = Set.copyOf(Check.noNulls(b.processorOrganisations,
        "policy.processorOrganisations"));
  }

  /** The defaults described on the class. */
  public static ConsentPolicy ofDefaults() {
    return custom().build();
  }

  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from {@code base}. */
  public static Builder from(ConsentPolicy base) {
    Check.notNull(base, "policy");
    Builder b = new Builder();
    b.version = base.version;
    b.guardianConsentAge = base.guardianConsentAge;
    b.zone = base.zone;
    b.unknownAgeRule = base.unknownAgeRule;
    b.lawfulBasisRules = new ArrayList<>(base.lawfulBasisRules);
    b.obligationRules = new ArrayList<>(base.obligationRules);
    b.processorOrganisations = new ArrayList<>(base.processorOrganisations);
    return b;
  }

  /** The default display-masking table (see the class description). */
  public static List<ObligationRule> defaultObligationRules() {
    Set<RequesterKind> all = Set.of();
    Purpose family = StandardPurposes.FAMILY_SHARING;
    Purpose referral = StandardPurposes.REFERRAL_ATTRIBUTION;
    Purpose research = StandardPurposes.RESEARCH;
    return List.of(
        new ObligationRule(family, StandardCategories.RESIDENT_ID, "resident_id", all),
        new ObligationRule(family, StandardCategories.MOBILE, "mobile", all),
        new ObligationRule(family, StandardCategories.ADDRESS, "address", all),
        new ObligationRule(family, StandardCategories.FINANCIAL_ACCOUNT, "bank_card", all),
        new ObligationRule(referral, StandardCategories.MOBILE, "mobile", all),
        new ObligationRule(referral, StandardCategories.NAME, "name", all),
        new ObligationRule(research, StandardCategories.IDENTITY, "pseudonym", all),
        new ObligationRule(research, StandardCategories.CONTACT, "redact", all));
  }

  public String version() {
    return version;
  }

  public int guardianConsentAge() {
    return guardianConsentAge;
  }

  public ZoneId zone() {
    return zone;
  }

  public UnknownAgeRule unknownAgeRule() {
    return unknownAgeRule;
  }

  public List<LawfulBasisRule> lawfulBasisRules() {
    return lawfulBasisRules;
  }

  public List<ObligationRule> obligationRules() {
    return obligationRules;
  }

  public Set<OrganisationId> processorOrganisations() {
    return processorOrganisations;
  }

  /** The non-consent basis configured for this purpose and action, if any. */
  public Optional<LawfulBasisRule> basisFor(Purpose purpose, ProcessingAction action) {
    for (LawfulBasisRule r : lawfulBasisRules) {
      if (r.purpose().equals(purpose) && r.actions().contains(action)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Obligations for data of {@code category} permitted for {@code purpose} to a requester of {@code kind}. */
  public List<MaskingObligation> obligationsFor(Purpose purpose, RequesterKind kind, DataCategory category) {
    List<MaskingObligation> out = new ArrayList<>(2);
    for (ObligationRule r : obligationRules) {
      if (r.purpose().equals(purpose) && r.appliesTo(kind)
          && (category.isWithin(r.category()) || r.category().isWithin(category))) {
        out.add(new MaskingObligation(r.category(), r.mask()));
      }
    }
    return out;
  }

  /** Builds a {@link ConsentPolicy}. */
  public static final class Builder {
    private String version = DEFAULT_VERSION;
    private int guardianConsentAge = DEFAULT_GUARDIAN_CONSENT_AGE;
    private ZoneId zone = Zones.CHINA;
    private UnknownAgeRule unknownAgeRule = UnknownAgeRule.DENY;
    private List<LawfulBasisRule> lawfulBasisRules = new ArrayList<>();
    private List<ObligationRule> obligationRules = new ArrayList<>(defaultObligationRules());
    private List<OrganisationId> processorOrganisations = new ArrayList<>();

    private Builder() {}

    public Builder version(String value) {
      this.version = value;
      return this;
    }

    public Builder guardianConsentAge(int years) {
      this.guardianConsentAge = years;
      return this;
    }

    public Builder zone(ZoneId value) {
      this.zone = value;
      return this;
    }

    public Builder unknownAgeRule(UnknownAgeRule value) {
      this.unknownAgeRule = value;
      return this;
    }

    /** Adds a non-consent lawful basis for a purpose. */
    public Builder lawfulBasis(LawfulBasisRule rule) {
      lawfulBasisRules.add(Check.notNull(rule, "rule"));
      return this;
    }

    public Builder obligation(ObligationRule rule) {
      obligationRules.add(Check.notNull(rule, "rule"));
      return this;
    }

    /** Replaces the obligation table (for example with an empty list). */
    public Builder obligations(List<ObligationRule> rules) {
      obligationRules = new ArrayList<>(Check.noNulls(rules, "rules"));
      return this;
    }

    public Builder processorOrganisation(OrganisationId id) {
      processorOrganisations.add(Check.notNull(id, "organisationId"));
      return this;
    }

    public ConsentPolicy build() {
      return new ConsentPolicy(this);
    }
  }
}
