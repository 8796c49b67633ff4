package io.kinhealth.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.core.id.ChannelId;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.MobileNumber;
import io.kinhealth.core.id.OrganisationId;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.id.PersonName;
import io.kinhealth.core.id.PractitionerId;
import io.kinhealth.core.id.ResidentIdNumber;
import io.kinhealth.core.model.AcquisitionChannel;
import io.kinhealth.core.model.ChannelType;
import io.kinhealth.core.model.Department;
import io.kinhealth.core.model.Organisation;
import io.kinhealth.core.model.OrganisationType;
import io.kinhealth.core.model.Person;
import io.kinhealth.core.model.Practitioner;
import io.kinhealth.core.model.PractitionerRole;
import io.kinhealth.core.model.PractitionerTitle;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KinHealthModuleTest {
  private static final ObjectMapper JSON = KinHealthModule.newObjectMapper();

  @Test
  @DisplayName("writes money as a string amount and a currency code")
  void moneyFormat() throws Exception {
    assertThat(JSON.writeValueAsString(Money.parse("12.34"))).isEqualTo("{\"amount\":\"12.34\",\"currency\":\"CNY\"}");
    assertThat(JSON.readValue("{\"amount\":\"12.34\",\"currency\":\"CNY\"}", Money.class))
        .isEqualTo(Money.ofMinor(1234));
    // A JSON number is read by its exact decimal value, never through a double.
    assertThat(JSON.readValue("{\"amount\":12.34}", Money.class)).isEqualTo(Money.ofMinor(1234));
    assertThat(JSON.readValue("{\"amount\":1e3}", Money.class)).isEqualTo(Money.ofYuan(1000));
    assertThat(JSON.readValue("{\"amount\":\"5\",\"currency\":\"JPY\"}", Money.class))
        .isEqualTo(Money.ofMinor(5, Currency.getInstance("JPY")));
  }

  @Test
  @DisplayName("writes basis points as a number and ids as plain strings")
  void compactForms() throws Exception {
    assertThat(JSON.writeValueAsString(BasisPoints.of(750))).isEqualTo("750");
    assertThat(JSON.writeValueAsString(PersonId.of("p-1"))).isEqualTo("\"p-1\"");
    assertThat(JSON.writeValueAsString(MobileNumber.parse("+86 180 1234 1999"))).isEqualTo("\"18012341999\"");
  }

  static Stream<Object> values() {
    ResidentIdNumber rid = ResidentIdNumber.parse("11010519491231002X");
    return Stream.of(
        Money.parse("-0.05"), Money.ofMinor(1, Currency.getInstance("BHD")), BasisPoints.of(9999),
        PersonId.of("p-1"), OrganisationId.of("org:1"), PractitionerId.of("d.1"), ChannelId.of("qr_1"),
        IdempotencyKey.of("order-1:split"), rid, MobileNumber.parse("18012341999"), PersonName.of("段小满"),
        new Person(PersonId.of("p-2"), PersonName.of("王芳"), null, null, rid, MobileNumber.parse("13800001111"),
            ZoneId.of("Asia/Urumqi")),
        Person.of(PersonId.of("p-3"), PersonName.of("Li Lei")).withBirthDate(LocalDate.of(2015, 3, 1)),
        Organisation.of(OrganisationId.of("o1"), "美丽医疗美容诊所", OrganisationType.MEDICAL_BEAUTY_CLINIC),
        new Practitioner(PractitionerId.of("d1"), PersonId.of("p-4"), OrganisationId.of("o1"),
            Department.OBSTETRICS, PractitionerTitle.ATTENDING_PHYSICIAN, PractitionerRole.DOCTOR),
        new AcquisitionChannel(ChannelId.of("c1"), ChannelType.WECHAT_MINI_PROGRAM, "小程序分享", null),
        Department.TRADITIONAL_CHINESE_MEDICINE, RevenueCategory.CONSUMABLE);
  }

  @ParameterizedTest(name = "{0} round-trips through JSON")
  @MethodSource("values")
  void roundTrips(Object value) throws Exception {
    String json = JSON.writeValueAsString(value);
    assertThat(JSON.readValue(json, value.getClass())).isEqualTo(value);
  }

  @Test
  @DisplayName("a page of money round-trips with its element type")
  void pageRoundTrips() throws Exception {
    Page<Money> page = new Page<>(List.of(Money.ofMinor(1), Money.ofMinor(2)), "cursor-2");
    String json = JSON.writeValueAsString(page);
    Page<Money> back = JSON.readValue(json,
        JSON.getTypeFactory().constructParametricType(Page.class, Money.class));
    assertThat(back).isEqualTo(page);
  }

  @Test
  @DisplayName("rejects invalid values without echoing personal data")
  void rejectsInvalid() {
    assertThatThrownBy(() -> JSON.readValue("\"110105194912310021\"", ResidentIdNumber.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("resident_id.check_digit")
        .hasMessageNotContaining("110105194912310021");
    assertThatThrownBy(() -> JSON.readValue("{\"amount\":\"1.234\"}", Money.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("money.scale");
    assertThatThrownBy(() -> JSON.readValue("{\"amount\":0.001}", Money.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("money.scale");
    assertThatThrownBy(() -> JSON.readValue("\"a b\"", PersonId.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("id.charset");
    assertThatThrownBy(() -> JSON.readValue("10001", BasisPoints.class)).isInstanceOf(JsonMappingException.class);
  }
}
