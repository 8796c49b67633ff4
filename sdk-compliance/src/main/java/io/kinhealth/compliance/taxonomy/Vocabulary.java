package io.kinhealth.compliance.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data categories, purposes, processing actions and lawful bases one SDK instance knows: data, not constants.
 *
 * <p>{@link #standard()} is loaded from the versioned resource {@code standard-vocabulary.json} (sources: PIPL,
 * GB/T 35273-2020, GB/T 39725-2020, fideslang); hosts extend it with {@link #builder()}{@code .addAll(standard())}
 * and their own entries. Guarantees of every built vocabulary: one definition per code; every category's parent is
 * present; a child of a sensitive category is sensitive; it is immutable and thread-safe. A decision about a code
 * missing from the vocabulary is a DENY, never a guess.
 */
public final class Vocabulary {
  private static final String RESOURCE = "standard-vocabulary.json";
  private static volatile Vocabulary standard;

  private final String version;
  private final Map<String, DataCategory> categories;
  private final Map<String, Purpose> purposes;
  private final Map<String, ProcessingAction> actions;
  private final Map<String, LawfulBasis> bases;

  private Vocabulary(Builder b) {
    this.version = Check.text(b.version, "version", 100);
    this.categories = Collections.unmodifiableMap(new LinkedHashMap<>(b.categories));
    this.purposes = Collections.unmodifiableMap(new LinkedHashMap<>(b.purposes));
    this.actions = Collections.unmodifiableMap(new LinkedHashMap<>(b.actions));
    this.bases = Collections.unmodifiableMap(new LinkedHashMap<>(b.bases));
    for (DataCategory c : categories.values()) {
      Optional<String> parent = c.parentCode();
      if (parent.isPresent()) {
        DataCategory p = categories.get(parent.get());
        if (p == null) {
          throw new ValidationException("category.code", "vocabulary.parent_missing",
              "category " + c.code() + " has no parent " + parent.get() + " in the vocabulary");
        }
        if (p.sensitive() && !c.sensitive()) {
          throw new ValidationException("category.sensitive", "vocabulary.sensitive_parent",
              "category " + c.code() + " must be sensitive because its parent " + p.code() + " is");
        }
      }
    }
  }

  /** The SDK's standard vocabulary, loaded once from its resource file. */
  public static Vocabulary standard() {
    Vocabulary v = standard;
    if (v == null) {
      synchronized (Vocabulary.class) {
        v = standard;
        if (v == null) {
          v = load();
          standard = v;
        }
      }
    }
    return v;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A version naming this vocabulary; part of every decision's policy version. */
  public String version() {
    return version;
  }

  public Optional<DataCategory> category(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(categories.get(code));
  }

  public Optional<Purpose> purpose(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(purposes.get(code));
  }

  public Optional<ProcessingAction> action(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(actions.get(code));
  }

  public Optional<LawfulBasis> lawfulBasis(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(bases.get(code));
  }

  /** The category with this code, or a {@link ValidationException} with reason {@code category.unknown}. */
  public DataCategory requireCategory(String code) {
    return category(code).orElseThrow(() -> new ValidationException("category", "category.unknown",
        "unknown data category " + safe(code)));
  }

  /** The purpose with this code, or a {@link ValidationException} with reason {@code purpose.unknown}. */
  public Purpose requirePurpose(String code) {
    return purpose(code).orElseThrow(() -> new ValidationException("purpose", "purpose.unknown",
        "unknown purpose " + safe(code)));
  }

  /** The action with this code, or a {@link ValidationException} with reason {@code action.unknown}. */
  public ProcessingAction requireAction(String code) {
    return action(code).orElseThrow(() -> new ValidationException("action", "action.unknown",
        "unknown processing action " + safe(code)));
  }

  /** The lawful basis with this code, or a {@link ValidationException} with reason {@code lawful_basis.unknown}. */
  public LawfulBasis requireLawfulBasis(String code) {
    return lawfulBasis(code).orElseThrow(() -> new ValidationException("lawfulBasis", "lawful_basis.unknown",
        "unknown lawful basis " + safe(code)));
  }

  /** Whether this vocabulary defines exactly this category (by code). */
  public boolean contains(DataCategory category) {
    return category != null && categories.containsKey(category.code());
  }

  public boolean contains(Purpose purpose) {
    return purpose != null && purposes.containsKey(purpose.code());
  }

  public boolean contains(ProcessingAction action) {
    return action != null && actions.containsKey(action.code());
  }

  public Collection<DataCategory> categories() {
    return categories.values();
  }

  public Collection<Purpose> purposes() {
    return purposes.values();
  }

  public Collection<ProcessingAction> actions() {
    return actions.values();
  }

  public Collection<LawfulBasis> lawfulBases() {
    return bases.values();
  }

  /** The category itself and its ancestors, nearest first. */
  public List<DataCategory> selfAndAncestors(DataCategory category) {
    List<DataCategory> out = new ArrayList<>(4);
    DataCategory c = categories.get(category.code());
    while (c != null) {
      out.add(c);
      c = c.parentCode().map(categories::get).orElse(null);
    }
    return out;
  }

  /** Codes are safe to echo (they are not personal data) but are bounded so a message never grows unbounded. */
  private static String safe(String code) {
    if (code == null) {
      return "(null)";
    }
    return code.length() > 64 ? code.substring(0, 64) + "..." : code;
  }

  private static Vocabulary load() {
    try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Builder b = builder().version(root.path("version").asText());
      for (JsonNode n : root.path("categories")) {
        DataCategory.Builder c = DataCategory.builder(n.path("code").asText())
            .name(n.path("name").asText(), n.path("nameZh").asText(null))
            .healthDataClass(HealthDataClass.valueOf(n.path("class").asText("NOT_HEALTH_DATA")))
            .fidesKey(n.path("fides").asText(null));
        if (n.hasNonNull("sensitive")) {
          c.sensitive(n.path("sensitive").asText());
        }
        b.category(c.build());
      }
      for (JsonNode n : root.path("purposes")) {
        b.purpose(Purpose.of(n.path("code").asText(), n.path("name").asText(), n.path("nameZh").asText(null),
            n.path("description").asText(null)));
      }
      for (JsonNode n : root.path("actions")) {
        b.action(ProcessingAction.of(n.path("code").asText(), n.path("name").asText(),
            n.path("nameZh").asText(null), n.path("separateConsent").asText(null),
            n.path("recipientMustBeNamed").asBoolean(false)));
      }
      for (JsonNode n : root.path("lawfulBases")) {
        b.lawfulBasis(LawfulBasis.of(n.path("code").asText(), n.path("name").asText(), n.path("citation").asText(),
            n.path("requiresConsent").asBoolean(false)));
      }
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Builds a {@link Vocabulary}; duplicates are rejected, consistency is checked in {@link #build()}. */
  public static final class Builder {
    private String version = "custom";
    private final Map<String, DataCategory> categories = new LinkedHashMap<>();
    private final Map<String, Purpose> purposes = new LinkedHashMap<>();
    private final Map<String, ProcessingAction> actions = new LinkedHashMap<>();
    private final Map<String, LawfulBasis> bases = new LinkedHashMap<>();

    private Builder() {}

    public Builder version(String value) {
      this.version = value;
      return this;
    }

    /** Adds every entry of {@code other} and takes its version as a base ({@code base+custom}). */
    public Builder addAll(Vocabulary other) {
      Check.notNull(other, "vocabulary");
      other.categories().forEach(this::category);
      other.purposes().forEach(this::purpose);
      other.actions().forEach(this::action);
      other.lawfulBases().forEach(this::lawfulBasis);
      if ("custom".equals(version)) {
        version = other.version() + "+custom";
      }
      return this;
    }

    public Builder category(DataCategory category) {
      put(categories, Check.notNull(category, "category").code(), category, "category");
      return this;
    }

    public Builder purpose(Purpose purpose) {
      put(purposes, Check.notNull(purpose, "purpose").code(), purpose, "purpose");
      return this;
    }

    public Builder action(ProcessingAction action) {
      put(actions, Check.notNull(action, "action").code(), action, "action");
      return this;
    }

    public Builder lawfulBasis(LawfulBasis basis) {
      put(bases, Check.notNull(basis, "lawfulBasis").code(), basis, "lawfulBasis");
      return this;
    }

    private static <T> void put(Map<String, T> map, String code, T value, String field) {
      if (map.putIfAbsent(code, value) != null) {
        throw new ValidationException(field + ".code", "vocabulary.duplicate_code",
            field + " " + code + " is already defined");
      }
    }

    public Vocabulary build() {
      return new Vocabulary(this);
    }
  }
}
