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
 */
public record Status(
    Code code, String message, List<ErrorDetail> details, List<LegacyError> legacyErrors)
    implements Serializable {

  /** Validates and copies. */
  public Status {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    details = List.copyOf(details);
    legacyErrors = List.copyOf(legacyErrors);
  }

  /** Returns a status with no details. */
  public static Status of(Code code, String message) {
    return new Status(code, message, List.of(), List.of());
  }

  /** Returns a status with these details. */
  public static Status of(Code code, String message, List<ErrorDetail> details) {
    return new Status(code, message, details, List.of());
  }

  /** Returns the first detail of this view type, such as {@code ErrorDetail.RetryInfo.class}. */
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
   */
  public record LegacyError(
      String message, String domain, String reason, String location, String locationType)
      implements Serializable {
    public LegacyError {
      requireNonNull(message, "message");
      requireNonNull(domain, "domain");
      requireNonNull(reason, "reason");
      requireNonNull(location, "location");
      requireNonNull(locationType, "locationType");
    }
  }
}
