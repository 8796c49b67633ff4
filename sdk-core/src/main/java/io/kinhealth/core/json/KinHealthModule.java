package io.kinhealth.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.id.MobileNumber;
import io.kinhealth.core.id.PersonName;
import io.kinhealth.core.id.ResidentIdNumber;
import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Currency;
import java.util.function.Function;

/**
 * Jackson support for the SDK's value types: register it on the host's {@code ObjectMapper}
 * ({@code mapper.registerModule(new KinHealthModule())}; with Spring Boot, declare it as a bean).
 *
 * <p>Guarantees every public value type round-trips: {@link Money} as {@code {"amount":"12.34","currency":"CNY"}}
 * (the amount is a string so no JSON parser turns it into a floating-point number), {@link BasisPoints} as an
 * integer, every {@link TypedId} as its string, {@link ResidentIdNumber}, {@link MobileNumber} and
 * {@link PersonName} as their full strings (JSON is a data channel; use their {@code masked()} forms for display).
 * Invalid values fail deserialisation with the SDK's validation reason in the message. Records of the SDK need the
 * {@code jackson-datatype-jsr310} module too, which {@link #newObjectMapper()} adds.
 */
public final class KinHealthModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public KinHealthModule() {
    super("KinHealthModule", Version.unknownVersion());
    addSerializer(Money.class, new MoneySerializer());
    addDeserializer(Money.class, new MoneyDeserializer());
    addSerializer(BasisPoints.class, new ToIntSerializer<>(BasisPoints.class, BasisPoints::value));
    addDeserializer(BasisPoints.class, new FromIntDeserializer<>(BasisPoints::of));
    addSerializer(TypedId.class, new ToStringSerializer<>(TypedId.class, TypedId::value));
    addSerializer(ResidentIdNumber.class, new ToStringSerializer<>(ResidentIdNumber.class, ResidentIdNumber::value));
    addDeserializer(ResidentIdNumber.class, new FromStringDeserializer<>(ResidentIdNumber::parse));
    addSerializer(MobileNumber.class, new ToStringSerializer<>(MobileNumber.class, MobileNumber::value));
    addDeserializer(MobileNumber.class, new FromStringDeserializer<>(MobileNumber::parse));
    addSerializer(PersonName.class, new ToStringSerializer<>(PersonName.class, PersonName::value));
    addDeserializer(PersonName.class, new FromStringDeserializer<>(PersonName::of));
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.addDeserializers(new TypedIdDeserializers());
  }

  /**
   * A new mapper set up the way the SDK writes JSON: this module and Java time support, ISO-8601 dates, unknown
   * properties ignored (as Spring Boot configures its own mapper).
   */
  public static ObjectMapper newObjectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(new KinHealthModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static final class MoneySerializer extends StdSerializer<Money> {
    private static final long serialVersionUID = 1L;

    MoneySerializer() {
      super(Money.class);
    }

    @Override
    public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeStringField("amount", value.toPlainString());
      gen.writeStringField("currency", value.currency().getCurrencyCode());
      gen.writeEndObject();
    }
  }

  private static final class MoneyDeserializer extends JsonDeserializer<Money> {
    @Override
    public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      if (node == null || !node.isObject() || !node.hasNonNull("amount")) {
        throw InvalidFormatException.from(p, "money needs an object with an \"amount\"", node, Money.class);
      }
      JsonNode amount = node.get("amount");
      JsonNode currency = node.get("currency");
      try {
        Currency c = currency == null || currency.isNull() ? Money.CNY : Currency.getInstance(currency.asText());
        // A JSON number is accepted by its exact text, never through a double.
        return Money.parse(amount.isNumber() ? amount.decimalValue().toPlainString() : amount.asText(), c);
      } catch (IllegalArgumentException | KinHealthException e) {
        throw InvalidFormatException.from(p, "invalid money: " + e.getMessage(), amount.asText(), Money.class);
      }
    }
  }

  private static final class ToStringSerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<T, String> toText;

    ToStringSerializer(Class<T> type, Function<T, String> toText) {
      super(type);
      this.toText = toText;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(toText.apply(value));
    }
  }

  private static final class ToIntSerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient java.util.function.ToIntFunction<T> toInt;

    ToIntSerializer(Class<T> type, java.util.function.ToIntFunction<T> toInt) {
      super(type);
      this.toInt = toInt;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeNumber(toInt.applyAsInt(value));
    }
  }

  private static final class FromStringDeserializer<T> extends JsonDeserializer<T> {
    private final Function<String, T> parse;

    FromStringDeserializer(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
      }
      try {
        return parse.apply(p.getText());
      } catch (KinHealthException e) {
        // The message carries the reason only; the rejected text may be personal data and is not repeated.
        throw InvalidFormatException.from(p, e.getMessage(), "<rejected>", handledType());
      }
    }
  }

  private static final class FromIntDeserializer<T> extends JsonDeserializer<T> {
    private final java.util.function.IntFunction<T> make;

    FromIntDeserializer(java.util.function.IntFunction<T> make) {
      this.make = make;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
      }
      try {
        return make.apply(p.getIntValue());
      } catch (KinHealthException e) {
        throw InvalidFormatException.from(p, e.getMessage(), p.getText(), handledType());
      }
    }
  }

  /** Finds {@code static of(String)} on any {@link TypedId} record, including hosts' and other modules' own ids. */
  private static final class TypedIdDeserializers extends Deserializers.Base {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
        BeanDescription beanDesc) {
      Class<?> raw = type.getRawClass();
      if (!TypedId.class.isAssignableFrom(raw) || raw.isInterface()) {
        return null;
      }
      try {
        Method of = raw.getMethod("of", String.class);
        if (!Modifier.isStatic(of.getModifiers()) || !raw.isAssignableFrom(of.getReturnType())) {
          return null;
        }
        return new FromStringDeserializer<Object>(text -> {
          try {
            return of.invoke(null, text);
          } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
              throw re;
            }
            throw new IllegalStateException(e.getCause());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        });
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  }
}
