package io.kinhealth.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The house plan's dependency rules (../shared/ARCHITECTURE.md), checked on the compiled main classes of every SDK
 * module: the direction core &lt;- compliance &lt;- family-records, core &lt;- referral; no framework, container,
 * web or database-driver dependency in any SDK module; internal packages private to their module.
 */
class ArchitectureTest {
  private static final String CORE = "io.kinhealth.core..";
  private static final String COMPLIANCE = "io.kinhealth.compliance..";
  private static final String REFERRAL = "io.kinhealth.referral..";
  private static final String FAMILY = "io.kinhealth.family..";

  private static JavaClasses sdk;

  @BeforeAll
  static void importSdk() {
    sdk = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.kinhealth.core", "io.kinhealth.compliance", "io.kinhealth.referral",
            "io.kinhealth.family");
  }

  @Test
  @DisplayName("the SDK modules are on the class path being checked")
  void modulesArePresent() {
    org.assertj.core.api.Assertions.assertThat(sdk.containPackage("io.kinhealth.core.money")).isTrue();
  }

  @Test
  @DisplayName("core depends on no other SDK module")
  void coreStandsAlone() {
    noClasses().that().resideInAPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(COMPLIANCE, REFERRAL, FAMILY, "io.kinhealth.testkit..")
        .check(sdk);
  }

  @Test
  @DisplayName("referral depends on core only")
  void referralOnCoreOnly() {
    noClasses().that().resideInAPackage(REFERRAL)
        .should().dependOnClassesThat().resideInAnyPackage(COMPLIANCE, FAMILY, "io.kinhealth.testkit..")
        .allowEmptyShould(true)
        .check(sdk);
  }

  @Test
  @DisplayName("compliance depends on core only")
  void complianceOnCoreOnly() {
    noClasses().that().resideInAPackage(COMPLIANCE)
        .should().dependOnClassesThat().resideInAnyPackage(REFERRAL, FAMILY, "io.kinhealth.testkit..")
        .allowEmptyShould(true)
        .check(sdk);
  }

  @Test
  @DisplayName("family records depend on core and compliance, never on referral")
  void familyNotOnReferral() {
    noClasses().that().resideInAPackage(FAMILY)
        .should().dependOnClassesThat().resideInAnyPackage(REFERRAL, "io.kinhealth.testkit..")
        .allowEmptyShould(true)
        .check(sdk);
  }

  private static final ArchRule NO_FRAMEWORKS = noClasses()
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "jakarta.servlet..", "javax.servlet..", "jakarta.ws.rs..", "javax.ws.rs..",
            "jakarta.persistence..", "javax.persistence..", "jakarta.ejb..", "jakarta.enterprise..",
            "io.micronaut..", "io.quarkus..", "io.vertx..", "io.javalin..", "io.netty..", "org.eclipse.jetty..",
            "io.undertow..", "org.apache.catalina..", "org.postgresql..", "com.mysql..", "org.mariadb..",
            "org.h2..", "org.hsqldb..", "com.zaxxer.hikari..", "org.hibernate.orm..", "org.jooq..", "org.jdbi..",
            "java.sql..", "javax.sql..", "ca.uhn.fhir..", "org.hl7.fhir..");

  private static final ArchRule DOMAIN_NAMES = noClasses().should().haveSimpleNameEndingWith("Manager")
      .orShould().haveSimpleNameEndingWith("Helper")
      .orShould().haveSimpleNameEndingWith("Util")
      .orShould().haveSimpleNameEndingWith("Utils")
      .orShould().haveSimpleNameEndingWith("Impl");

  @Test
  @DisplayName("no SDK module uses Spring, servlet or web frameworks, database drivers or HAPI FHIR")
  void noFrameworks() {
    NO_FRAMEWORKS.check(sdk);
  }

  @Test
  @DisplayName("the rules do catch a class that breaks them")
  void rulesCatchViolations() {
    JavaClasses bad = new ClassFileImporter().importClasses(ConnectionHoldingUtil.class);
    org.assertj.core.api.Assertions.assertThat(NO_FRAMEWORKS.evaluate(bad).hasViolation()).isTrue();
    org.assertj.core.api.Assertions.assertThat(DOMAIN_NAMES.evaluate(bad).hasViolation()).isTrue();
  }

  /** A deliberately bad class: a JDBC dependency and a pattern name. */
  static final class ConnectionHoldingUtil {
    java.sql.Connection connection;
  }

  @Test
  @DisplayName("internal packages are used only inside their own module")
  void internalsStayInside() {
    for (String module : new String[] {"core", "compliance", "referral", "family"}) {
      String root = "io.kinhealth." + module;
      noClasses().that().resideOutsideOfPackage(root + "..")
          .should().dependOnClassesThat().resideInAPackage(root + ".internal..")
          .allowEmptyShould(true)
          .check(sdk);
    }
  }

  @Test
  @DisplayName("library code logs through SLF4J, never java.util.logging or the standard streams (CLIs excepted)")
  void noStandardStreams() {
    DescribedPredicate<JavaClass> cli = new DescribedPredicate<>("a command-line entry point") {
      @Override
      public boolean test(JavaClass c) {
        return c.getSimpleName().endsWith("Cli") || c.getName().contains("Cli$");
      }
    };
    ArchRule streams = noClasses().that(DescribedPredicate.not(cli))
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);
    streams.check(sdk);
    GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(sdk);
  }

  @Test
  @DisplayName("type names come from the domain, not from patterns (no Manager, Helper, Util, Impl)")
  void domainNames() {
    DOMAIN_NAMES.check(sdk);
  }
}
