package io.kinhealth.examples.quickstart;

import java.io.PrintStream;

/**
 * The SDK's story in one run: each chapter shows one module doing its job on the in-memory defaults, with no
 * configuration at all. Run it with the README's quickstart command.
 */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) {
    // Hibernate Validator logs through JBoss Logging, which would otherwise fall back to java.util.logging.
    System.setProperty("org.jboss.logging.provider", "slf4j");
    run(System.out);
  }

  /** Runs every chapter, writing the story to {@code out}. */
  public static void run(PrintStream out) {
    out.println("KinHealth SDK quickstart");
    out.println("========================");
    new CoreChapter(out).run();
    new ComplianceChapter(out).run();
    new ContentReviewChapter(out).run();
    new ReferralChapter(out).run();
    new FamilyChapter(out).run();
    new FamilyRiskChapter(out).run();
    out.println();
    out.println("Done.");
  }
}
