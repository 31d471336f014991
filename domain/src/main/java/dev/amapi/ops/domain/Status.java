package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code google.rpc.Status}: what went wrong, as the server said it. Used both for failed calls
 * (inside {@link AmapiException}) and for operations that ended in error.
 *
 * <p>Nothing the server said is lost: a status name that names no {@link Code} (from a newer API
 * revision, such as {@code "SOME_NEW_STATUS"}) is kept in {@link #unknownStatusName()} while {@link
 * #code()} holds the code the SDK took it as (the HTTP status's), and fields this SDK does not
 * model are kept in {@link #otherFields()} as raw JSON, in the order received.
 *
 * @param code the canonical code; for an unknown status name, the code it was taken as
 * @param message the developer-facing message; empty when the server sent none
 * @param details the structured details, in the order received
 * @param legacyErrors the legacy {@code errors} array some Google endpoints still send; empty when
 *     absent
 * @param unknownStatusName the status name the server sent when it names no {@link Code}; empty
 *     otherwise (see {@link #unknownStatus()})
 * @param otherFields the fields not modelled here, from JSON name to raw JSON value, in the order
 *     received; empty when none
 * @serial exclude
 */
public record Status(
    Code code,
    String message,
    List<ErrorDetail> details,
    List<LegacyError> legacyErrors,
    String unknownStatusName,
    Map<String, String> otherFields)
    implements Serializable {

  /** What an unknown status name looks like: the shape of the API's enum names. */
  private static final Pattern STATUS_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  /** The rule an unknown status name obeys, quoted in the message of a name that breaks it. */
  public static final String UNKNOWN_STATUS_NAME_RULE =
      "an unknown status name is upper-case letters, digits and underscores starting with a"
          + " letter (such as SOME_NEW_STATUS), at most 100 characters, and not the name of a Code";

  /**
   * Validates; copies the lists and the map; rejects nulls.
   *
   * @param code the canonical code; for an unknown status name, the code it was taken as
   * @param message the developer-facing message; empty when the server sent none
   * @param details the structured details, in the order received
   * @param legacyErrors the legacy {@code errors} array; empty when absent
   * @param unknownStatusName the status name the server sent when it names no {@link Code}; empty
   *     otherwise
   * @param otherFields the fields not modelled here, from JSON name to raw JSON value, in order
   * @throws IllegalArgumentException if {@code unknownStatusName} is not empty and breaks {@link
   *     #UNKNOWN_STATUS_NAME_RULE}
   */
  public Status {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    details = List.copyOf(details);
    legacyErrors = List.copyOf(legacyErrors);
    requireNonNull(unknownStatusName, "unknownStatusName");
    otherFields = copyOf(otherFields);
    if (!unknownStatusName.isEmpty() && !isUnknownStatusName(unknownStatusName)) {
      throw new IllegalArgumentException(
          "Invalid unknown status name \""
              + ResourceIds.printable(unknownStatusName)
              + "\": "
              + UNKNOWN_STATUS_NAME_RULE);
    }
  }

  /**
   * Creates a status with no unknown status name and no other fields.
   *
   * @param code the canonical code
   * @param message the developer-facing message; empty when the server sent none
   * @param details the structured details, in the order received
   * @param legacyErrors the legacy {@code errors} array; empty when absent
   */
  public Status(
      Code code, String message, List<ErrorDetail> details, List<LegacyError> legacyErrors) {
    this(code, message, details, legacyErrors, "", Map.of());
  }

  /**
   * Returns a status with no details.
   *
   * @param code the canonical code
   * @param message the developer-facing message; may be empty
   * @return a status with no details and no legacy errors
   */
  public static Status of(Code code, String message) {
    return new Status(code, message, List.of(), List.of());
  }

  /**
   * Returns a status with these details.
   *
   * @param code the canonical code
   * @param message the developer-facing message; may be empty
   * @param details the structured details, in order
   * @return a status with these details and no legacy errors
   */
  public static Status of(Code code, String message, List<ErrorDetail> details) {
    return new Status(code, message, details, List.of());
  }

  /**
   * Returns whether a name may be kept as an unknown status name.
   *
   * @param name a status name as a server sent it
   * @return true if it obeys {@link #UNKNOWN_STATUS_NAME_RULE}: shaped like the API's enum names,
   *     and naming no {@link Code}
   */
  public static boolean isUnknownStatusName(String name) {
    requireNonNull(name, "name");
    return name.length() <= 100
        && STATUS_NAME.matcher(name).matches()
        && Code.forName(name).isEmpty();
  }

  /**
   * Returns the status name the server sent when it names no {@link Code}.
   *
   * @return the name, such as {@code "SOME_NEW_STATUS"}, or empty when the server sent a known name
   *     or none; {@link #code()} is then the whole story
   */
  public Optional<String> unknownStatus() {
    return unknownStatusName.isEmpty() ? Optional.empty() : Optional.of(unknownStatusName);
  }

  /**
   * Returns this status with the status name the server sent, which names no {@link Code}.
   *
   * @param name the name, such as {@code "SOME_NEW_STATUS"}; empty for none
   * @return a new status, everything else kept; this one is unchanged
   * @throws IllegalArgumentException if {@code name} is not empty and breaks {@link
   *     #UNKNOWN_STATUS_NAME_RULE}
   */
  public Status withUnknownStatusName(String name) {
    return new Status(code, message, details, legacyErrors, name, otherFields);
  }

  /**
   * Returns this status keeping one more field this SDK does not model, as its raw JSON value.
   *
   * @param name the field's JSON name
   * @param json the field's value as raw JSON
   * @return a new status, everything else kept, the field last (or in its place, if it was kept
   *     already); this one is unchanged
   */
  public Status withOtherField(String name, String json) {
    requireNonNull(name, "name");
    requireNonNull(json, "json");
    Map<String, String> fields = new LinkedHashMap<>(otherFields);
    fields.put(name, json);
    return new Status(code, message, details, legacyErrors, unknownStatusName, fields);
  }

  /**
   * Returns the first detail of this view type, such as {@code ErrorDetail.RetryInfo.class}.
   *
   * @param <T> the view type
   * @param type the view's class
   * @return the first such detail in the order received, or empty if the server sent none
   */
  public <T extends ErrorDetail> Optional<T> detail(Class<T> type) {
    requireNonNull(type, "type");
    return details.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  private static Map<String, String> copyOf(Map<String, String> fields) {
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      copy.put(
          requireNonNull(field.getKey(), "otherFields name"),
          requireNonNull(field.getValue(), "otherFields json"));
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * One entry of the legacy {@code errors} array. Absent fields are empty strings.
   *
   * @param message the entry's message
   * @param domain such as {@code global}
   * @param reason such as {@code badRequest}
   * @param location where in the request, if said
   * @param locationType what kind of location, if said
   * @serial exclude
   */
  public record LegacyError(
      String message, String domain, String reason, String location, String locationType)
      implements Serializable {
    /**
     * Rejects nulls.
     *
     * @param message the entry's message
     * @param domain such as {@code global}
     * @param reason such as {@code badRequest}
     * @param location where in the request, if said
     * @param locationType what kind of location, if said
     */
    public LegacyError {
      requireNonNull(message, "message");
      requireNonNull(domain, "domain");
      requireNonNull(reason, "reason");
      requireNonNull(location, "location");
      requireNonNull(locationType, "locationType");
    }
  }
}
