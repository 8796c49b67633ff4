package io.kinhealth.compliance.minimisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinhealth.compliance.ConsentDecision;
import io.kinhealth.compliance.MaskingObligation;
import io.kinhealth.compliance.masking.Mask;
import io.kinhealth.compliance.masking.Masks;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.validation.Check;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies a {@link MinimisationPolicy} to a record: keeps only the purpose's allow-listed fields, each through its
 * mask. Works on a {@code Map}, a Jackson tree, or any record/POJO (its fields read by name).
 *
 * <p>Guarantees: the output's fields are always a subset of the policy's fields for the purpose; unknown fields and
 * unknown purposes yield nothing; a null value stays null. {@link #minimise(ConsentDecision, Map)} also honours a
 * decision: a DENY yields nothing, only the decision's categories are released, and its obligations' masks replace
 * the policy's. Stateless and thread-safe.
 */
public final class Minimiser {
  private final MinimisationPolicy policy;
  private final Map<String, Mask> masks;
  private final ClassValue<Map<String, Reader>> readers = new ClassValue<>() {
    @Override
    protected Map<String, Reader> computeValue(Class<?> type) {
      return readersOf(type);
    }
  };

  private Minimiser(MinimisationPolicy policy, Map<String, Mask> masks) {
    this.policy = policy;
    this.masks = masks;
  }

  /** A minimiser over {@code policy} that resolves obligation masks among the presets of {@link Masks}. */
  public static Minimiser of(MinimisationPolicy policy) {
    return builder(policy).build();
  }

  public static Builder builder(MinimisationPolicy policy) {
    return new Builder(Check.notNull(policy, "policy"));
  }

  public MinimisationPolicy policy() {
    return policy;
  }

  /** The allow-listed, masked fields of {@code record} for {@code purpose}. */
  public Map<String, Object> minimise(Purpose purpose, Map<String, ?> record) {
    Check.notNull(record, "record");
    List<FieldRule> rules = policy.fieldsFor(purpose);
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, rules.size() * 2));
    for (int i = 0, n = rules.size(); i < n; i++) {
      FieldRule r = rules.get(i);
      if (record.containsKey(r.field())) {
        out.put(r.field(), r.mask().apply(record.get(r.field())));
      }
    }
    return out;
  }

  /** Like {@link #minimise(Purpose, Map)} for a Jackson object; non-object input yields an empty object. */
  public ObjectNode minimise(Purpose purpose, JsonNode record) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (record == null || !record.isObject()) {
      return out;
    }
    for (FieldRule r : policy.fieldsFor(purpose)) {
      JsonNode v = record.get(r.field());
      if (v == null) {
        continue;
      }
      Object masked = v.isNull() ? null : r.mask().apply(v.isNumber() ? v.numberValue() : v.isTextual()
          ? v.textValue() : v.toString());
      out.set(r.field(), toNode(masked));
    }
    return out;
  }

  /**
   * Like {@link #minimise(Purpose, Map)} for a record or POJO, whose fields are read by name (or by the name their
   * {@link PersonalData} annotation gives); an annotated field is released only if its declared category is within
   * the rule's category.
   */
  public Map<String, Object> minimiseObject(Purpose purpose, Object record) {
    Check.notNull(record, "record");
    Map<String, Reader> read = readers.get(record.getClass());
    Map<String, Object> out = new LinkedHashMap<>();
    for (FieldRule r : policy.fieldsFor(purpose)) {
      Reader reader = read.get(r.field());
      if (reader == null || (reader.category() != null && !withinCode(reader.category(), r.category().code()))) {
        continue; // absent, or declared as another kind of data than the rule releases
      }
      out.put(r.field(), r.mask().apply(reader.read().apply(record)));
    }
    return out;
  }

  /**
   * Minimises {@code record} as {@code decision} allows: nothing for a DENY; otherwise the decision purpose's
   * allow-list restricted to the decision's categories, with obligation masks applied instead of the policy's. An
   * obligation whose mask this minimiser does not know redacts the field.
   */
  public Map<String, Object> minimise(ConsentDecision decision, Map<String, ?> record) {
    Check.notNull(decision, "decision");
    Check.notNull(record, "record");
    Map<String, Object> out = new LinkedHashMap<>();
    if (decision.isDenied()) {
      return out;
    }
    for (FieldRule r : policy.fieldsFor(decision.request().purpose())) {
      if (!record.containsKey(r.field()) || !within(r.category(), decision)) {
        continue;
      }
      Mask mask = r.mask();
      for (MaskingObligation o : decision.obligations()) {
        if (r.category().isWithin(o.category())) {
          mask = masks.getOrDefault(o.mask(), Masks.redact());
        }
      }
      out.put(r.field(), mask.apply(record.get(r.field())));
    }
    return out;
  }

  private static boolean withinCode(String code, String ancestor) {
    return code.equals(ancestor) || (code.startsWith(ancestor) && code.length() > ancestor.length()
        && code.charAt(ancestor.length()) == '.');
  }

  private static boolean within(DataCategory category, ConsentDecision decision) {
    for (DataCategory c : decision.request().categories()) {
      if (category.isWithin(c)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode toNode(Object v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v == null) {
      return f.nullNode();
    }
    if (v instanceof Integer i) {
      return f.numberNode(i);
    }
    if (v instanceof Long l) {
      return f.numberNode(l);
    }
    if (v instanceof Double d) {
      return f.numberNode(d);
    }
    if (v instanceof java.math.BigDecimal d) {
      return f.numberNode(d);
    }
    return f.textNode(v.toString());
  }

  /** Reads one field; {@code category} is the code its {@link PersonalData} declares, or null. */
  private record Reader(String category, Function<Object, Object> read) {}

  private static String nameOf(String field, PersonalData pd) {
    return pd == null || pd.name().isEmpty() ? field : pd.name();
  }

  private static Map<String, Reader> readersOf(Class<?> type) {
    Map<String, Reader> out = new HashMap<>();
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        Method m = c.getAccessor();
        m.setAccessible(true);
        PersonalData pd = c.getAnnotation(PersonalData.class);
        out.put(nameOf(c.getName(), pd), new Reader(pd == null ? null : pd.category(), o -> invoke(m, o)));
      }
      return out;
    }
    for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
      for (Field f : t.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
          continue;
        }
        try {
          f.setAccessible(true);
        } catch (RuntimeException e) {
          continue; // a field we may not read is simply not released
        }
        PersonalData pd = f.getAnnotation(PersonalData.class);
        out.putIfAbsent(nameOf(f.getName(), pd), new Reader(pd == null ? null : pd.category(), o -> {
          try {
            return f.get(o);
          } catch (IllegalAccessException e) {
            return null;
          }
        }));
      }
    }
    return out;
  }

  private static Object invoke(Method m, Object o) {
    try {
      return m.invoke(o);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** Builds a {@link Minimiser}; register keyed masks (pseudonym, token) so obligations can name them. */
  public static final class Builder {
    private final MinimisationPolicy policy;
    private final Map<String, Mask> masks = new HashMap<>();

    private Builder(MinimisationPolicy policy) {
      this.policy = policy;
      for (String name : new String[] {"keep", "redact", "mobile", "resident_id", "name", "bank_card", "address",
          "email", "date_to_year", "date_to_month", "age_band"}) {
        Masks.preset(name).ifPresent(m -> masks.put(name, m));
      }
    }

    /** Makes {@code mask} available to obligations under its name (e.g. a pseudonymiser's {@code pseudonym}). */
    public Builder mask(Mask mask) {
      Check.notNull(mask, "mask");
      masks.put(mask.name(), mask);
      return this;
    }

    public Minimiser build() {
      return new Minimiser(policy, Map.copyOf(masks));
    }
  }
}
