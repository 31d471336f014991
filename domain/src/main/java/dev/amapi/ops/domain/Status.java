package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A {@code google.rpc.Status}: what went wrong, as the server said it. Used both for failed calls
 * (inside {@link AmapiException}) and for operations that ended in error.
 *
 * @param code the canonical code
 * @param message the developer-facing message; empty when the server sent none
 * @param details the structured details, in the order received
 * @param legacyErrors the legacy {@code errors} array some Google endpoints still send; empty when
 *     absent
 * @serial exclude
 */
public record Status(
    Code code, String message, List<ErrorDetail> details, List<LegacyError> legacyErrors)
    implements Serializable {

  /**
   * Copies the lists; rejects nulls.
   *
   * @param code the canonical code
   * @param message the developer-facing message; empty when the server sent none
   * @param details the structured details, in the order received
   * @param legacyErrors the legacy {@code errors} array; empty when absent
   */
  public Status {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    details = List.copyOf(details);
    legacyErrors = List.copyOf(legacyErrors);
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
