package io.kinhealth.examples.quickstart;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.MobileNumber;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.id.PersonName;
import io.kinhealth.core.id.ResidentIdNumber;
import io.kinhealth.core.memory.UuidV7IdGenerator;
import io.kinhealth.core.model.Person;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Chapter 1: the foundation — exact money, Chinese identifiers that never leak, typed errors. */
final class CoreChapter {
  private final PrintStream out;

  CoreChapter(PrintStream out) {
    this.out = out;
  }

  void run() {
    out.println();
    out.println("1. Foundation (kinhealth-core)");

    Money order = Money.parse("0.99");
    List<Money> halves = order.allocate(BasisPoints.percent(50), BasisPoints.percent(50));
    out.println("   99 fen split 50/50 by largest remainder: " + halves.get(0).minor() + " + "
        + halves.get(1).minor() + " = " + halves.get(0).plus(halves.get(1)).minor() + " fen");

    List<Money> clinic = Money.parse("12800.00").allocate(5000, 1500, 2000, 700, 800);
    out.println("   a 12,800.00 yuan order split channel/agent/consumables/doctor/clinic: " + clinic);

    Clock clock = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
    String first17 = "11010520161125123";
    ResidentIdNumber childId = ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacterFor(first17));
    Person child = Person.of(PersonId.of("p-child-1"), PersonName.of("段小满"))
        .withResidentId(childId)
        .withMobile(MobileNumber.parse("+86 180-1234-1999"));
    out.println("   a child's record prints as " + child + "; id " + childId + ", mobile " + child.mobile()
        + ", name " + child.name() + ", age " + childId.ageAt(clock, io.kinhealth.core.model.Zones.CHINA)
        + ", under 14: " + childId.isUnder(14, clock));

    try {
      ResidentIdNumber.parse("110105201611251230");
    } catch (ValidationException e) {
      out.println("   a mistyped resident id is refused: " + e.code() + " " + e.reason() + " on field "
          + e.field().orElse("?"));
    }

    UuidV7IdGenerator ids = new UuidV7IdGenerator();
    out.println("   time-ordered ids (UUIDv7): " + ids.newId());
  }
}
