package io.kinhealth.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kinhealth.core.crypto.Base62;
import io.kinhealth.core.crypto.LocalKey;
import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.ChannelId;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.MobileNumber;
import io.kinhealth.core.id.OrganisationId;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.id.PersonName;
import io.kinhealth.core.id.PractitionerId;
import io.kinhealth.core.id.ResidentIdNumber;
import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.memory.InMemoryKeyRing;
import io.kinhealth.core.memory.UuidV7IdGenerator;
import io.kinhealth.core.model.AcquisitionChannel;
import io.kinhealth.core.model.ChannelType;
import io.kinhealth.core.model.Department;
import io.kinhealth.core.model.Organisation;
import io.kinhealth.core.model.OrganisationType;
import io.kinhealth.core.model.Person;
import io.kinhealth.core.model.Practitioner;
import io.kinhealth.core.model.PractitionerRole;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.LargestRemainder;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.KeyUse;
import io.kinhealth.core.spi.PageRequest;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public factory of core, given null, blank or malformed input, throws a {@link ValidationException} naming
 * the field — never a NullPointerException or another untyped exception.
 */
class InvalidInputTest {
  private static Arguments refuse(String call, String field, ThrowingCallable callable) {
    return Arguments.of(call, field, callable);
  }

  static Stream<Arguments> invalidCalls() {
    PersonId pid = PersonId.of("p1");
    OrganisationId oid = OrganisationId.of("o1");
    return Stream.of(
        refuse("Money.parse(null)", "amount", () -> Money.parse(null)),
        refuse("Money.parse(\"\")", "amount", () -> Money.parse("  ")),
        refuse("Money.parse(\"abc\")", "amount", () -> Money.parse("abc")),
        refuse("Money.parse(\"1\", null)", "currency", () -> Money.parse("1", null)),
        refuse("Money.ofMinor(1, null)", "currency", () -> Money.ofMinor(1, null)),
        refuse("Money.ofMinor(1, XXX)", "currency", () -> Money.ofMinor(1, java.util.Currency.getInstance("XXX"))),
        refuse("Money.zero(null)", "currency", () -> Money.zero(null)),
        refuse("Money.plus(null)", "other", () -> Money.ofMinor(1).plus(null)),
        refuse("Money.times(null, mode)", "ratio", () -> Money.ofMinor(1).times(null, java.math.RoundingMode.DOWN)),
        refuse("Money.times(bp, null)", "rounding", () -> Money.ofMinor(1).times(BasisPoints.FULL, null)),
        refuse("Money.allocate((long[]) null)", "weights", () -> Money.ofMinor(1).allocate((long[]) null)),
        refuse("Money.allocate((BasisPoints[]) null)", "shares", () -> Money.ofMinor(1).allocate((BasisPoints[]) null)),
        refuse("Money.allocate(null share)", "shares[1]",
            () -> Money.ofMinor(1).allocate(BasisPoints.FULL, null)),
        refuse("Money.ofYuan(overflow)", "yuan", () -> Money.ofYuan(Long.MAX_VALUE)),
        refuse("LargestRemainder.allocate(MIN_VALUE)", "total",
            () -> LargestRemainder.allocate(Long.MIN_VALUE, new long[] {1})),
        refuse("LargestRemainder.allocateInto(null out)", "out",
            () -> LargestRemainder.allocateInto(1, new long[] {1}, null, 0)),
        refuse("LargestRemainder.allocateInto(null weights)", "weights",
            () -> LargestRemainder.allocateInto(1, null, new long[1], 0)),
        refuse("LargestRemainder.allocateInto(no room)", "offset",
            () -> LargestRemainder.allocateInto(1, new long[] {1, 1}, new long[2], 1)),
        refuse("LargestRemainder.allocateInto(negative weight)", "weights[0]",
            () -> LargestRemainder.allocateInto(1, new long[] {-1, 2}, new long[2], 0)),
        refuse("LargestRemainder.allocateInto(MIN_VALUE)", "total",
            () -> LargestRemainder.allocateInto(Long.MIN_VALUE, new long[] {1}, new long[1], 0)),
        refuse("BasisPoints.of(-1)", "basisPoints", () -> BasisPoints.of(-1)),
        refuse("PersonId.of(null)", "personId", () -> PersonId.of(null)),
        refuse("PersonId.of(\"\")", "personId", () -> PersonId.of(" ")),
        refuse("PersonId.of(\"a b\")", "personId", () -> PersonId.of("a b")),
        refuse("PersonId.of(65 chars)", "personId", () -> PersonId.of("x".repeat(65))),
        refuse("OrganisationId.of(\"中文\")", "organisationId", () -> OrganisationId.of("中文")),
        refuse("PractitionerId.of(null)", "practitionerId", () -> PractitionerId.of(null)),
        refuse("ChannelId.of(\"\")", "channelId", () -> ChannelId.of("")),
        refuse("IdempotencyKey.of(\"a/b\")", "idempotencyKey", () -> IdempotencyKey.of("a/b")),
        refuse("ResidentIdNumber.parse(null)", "residentId", () -> ResidentIdNumber.parse(null)),
        refuse("ResidentIdNumber.parse(\"\")", "residentId", () -> ResidentIdNumber.parse("")),
        refuse("ResidentIdNumber.parse(\"abc\")", "residentId", () -> ResidentIdNumber.parse("abc")),
        refuse("ResidentIdNumber.checkCharacterFor(null)", "first17Digits",
            () -> ResidentIdNumber.checkCharacterFor(null)),
        refuse("ResidentIdNumber.ageOn(null)", "date",
            () -> ResidentIdNumber.parse("11010519491231002X").ageOn(null)),
        refuse("ResidentIdNumber.isUnder(14, null)", "clock",
            () -> ResidentIdNumber.parse("11010519491231002X").isUnder(14, null)),
        refuse("MobileNumber.parse(null)", "mobile", () -> MobileNumber.parse(null)),
        refuse("MobileNumber.parse(\"123\")", "mobile", () -> MobileNumber.parse("123")),
        refuse("PersonName.of(null)", "name", () -> PersonName.of(null)),
        refuse("PersonName.of(\"\")", "name", () -> PersonName.of("\t")),
        refuse("PersonName.of(65 chars)", "name", () -> PersonName.of("名".repeat(65))),
        refuse("Person.of(null, name)", "id", () -> Person.of(null, PersonName.of("王"))),
        refuse("Person.of(id, null)", "name", () -> Person.of(pid, null)),
        refuse("Person with mismatched birth date", "birthDate",
            () -> new Person(pid, PersonName.of("王"), LocalDate.of(2000, 1, 1), null,
                ResidentIdNumber.parse("11010519491231002X"), null, null)),
        refuse("Person.ageOn(null)", "date", () -> Person.of(pid, PersonName.of("王")).ageOn(null)),
        refuse("Organisation.of(id, null, type)", "name", () -> Organisation.of(oid, null, OrganisationType.CLINIC)),
        refuse("Organisation.of(id, name, null)", "type", () -> Organisation.of(oid, "x", null)),
        refuse("Department.of(\"\", name)", "code", () -> Department.of("", "内科")),
        refuse("Practitioner without organisation", "organisation",
            () -> new Practitioner(PractitionerId.of("d1"), pid, null, Department.PAEDIATRICS, null,
                PractitionerRole.DOCTOR)),
        refuse("Practitioner without role", "role",
            () -> new Practitioner(PractitionerId.of("d1"), pid, oid, Department.PAEDIATRICS, null, null)),
        refuse("AcquisitionChannel without type", "type",
            () -> new AcquisitionChannel(ChannelId.of("c1"), null, "QR", null)),
        refuse("AcquisitionChannel blank name", "name",
            () -> new AcquisitionChannel(ChannelId.of("c1"), ChannelType.QR_CODE, " ", null)),
        refuse("LocalKey.of(bad id)", "keyId", () -> LocalKey.of("key-1", KeyUse.HMAC_SHA256, new byte[32])),
        refuse("LocalKey.of(short key)", "material", () -> LocalKey.of("k1", KeyUse.HMAC_SHA256, new byte[16])),
        refuse("LocalKey.of(null material)", "material", () -> LocalKey.of("k1", KeyUse.AES_GCM, null)),
        refuse("LocalKey.of(null use)", "use", () -> LocalKey.of("k1", null, new byte[32])),
        refuse("Base62.decode(bad char)", "text", () -> Base62.decode("ab-c", 8)),
        refuse("Base62.decode(null)", "text", () -> Base62.decode(null, 8)),
        refuse("Base62.encode(null)", "bytes", () -> Base62.encode(null)),
        refuse("InMemoryKeyRing.current(null)", "use", () -> InMemoryKeyRing.generated().current(null)),
        refuse("InMemoryEventBus.publish(null)", "event", () -> new InMemoryEventBus().publish(null)),
        refuse("InMemoryEventBus.subscribe(null, h)", "type", () -> new InMemoryEventBus().subscribe(null, e -> {})),
        refuse("UuidV7IdGenerator(null, random)", "clock", () -> new UuidV7IdGenerator(null, new java.util.Random())),
        refuse("PageRequest.first(0)", "limit", () -> PageRequest.first(0)),
        refuse("CommandValidator.validate(null)", "command", () -> CommandValidator.ofDefaults().validate(null)),
        refuse("CommandValidator.of(null)", "validator", () -> CommandValidator.of(null)));
  }

  @ParameterizedTest(name = "{0} names the field {1}")
  @MethodSource("invalidCalls")
  void refusedWithATypedErrorNamingTheField(String call, String field, ThrowingCallable callable) {
    Throwable thrown = catchThrowable(callable);
    assertThat(thrown).as(call).isInstanceOf(ValidationException.class);
    assertThat(((KinHealthException) thrown).field()).as(call).contains(field);
  }
}
