package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One entry of a {@link Status}'s details: a {@code google.protobuf.Any} tagged by its {@code
 * @type}. Every detail keeps its type URL and the JSON it arrived as; the common {@code
 * google.rpc} types also have a typed view, and any other type is an {@link Unknown}, kept, never
 * dropped.
 */
public sealed interface ErrorDetail extends Serializable
    permits ErrorDetail.ErrorInfo,
        ErrorDetail.RetryInfo,
        ErrorDetail.QuotaFailure,
        ErrorDetail.BadRequest,
        ErrorDetail.Help,
        ErrorDetail.Unknown {

  /** The type URL of {@code google.rpc.ErrorInfo}. */
  String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";

  /** The type URL of {@code google.rpc.RetryInfo}. */
  String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";

  /** The type URL of {@code google.rpc.QuotaFailure}. */
  String QUOTA_FAILURE = "type.googleapis.com/google.rpc.QuotaFailure";

  /** The type URL of {@code google.rpc.BadRequest}. */
  String BAD_REQUEST = "type.googleapis.com/google.rpc.BadRequest";

  /** The type URL of {@code google.rpc.Help}. */
  String HELP = "type.googleapis.com/google.rpc.Help";

  /**
   * Returns the detail's {@code @type} URL.
   *
   * @return the type URL, such as {@link #ERROR_INFO}; empty for an {@link Unknown} sent without
   *     one
   */
  String type();

  /**
   * Returns the detail as the server sent it.
   *
   * @return a JSON object, {@code @type} included
   */
  String json();

  /**
   * Why the error happened, as a machine-readable reason within a domain.
   *
   * @param reason such as {@code RESOURCE_NOT_FOUND}; empty when absent
   * @param domain such as {@code androidmanagement.googleapis.com}; empty when absent
   * @param metadata further key/value context
   * @param json the detail as received
   * @serial exclude
   */
  record ErrorInfo(String reason, String domain, Map<String, String> metadata, String json)
      implements ErrorDetail {
    /**
     * Copies {@code metadata}; rejects nulls.
     *
     * @param reason such as {@code RESOURCE_NOT_FOUND}; empty when absent
     * @param domain such as {@code androidmanagement.googleapis.com}; empty when absent
     * @param metadata further key/value context
     * @param json the detail as received
     */
    public ErrorInfo {
      requireNonNull(reason, "reason");
      requireNonNull(domain, "domain");
      metadata = Map.copyOf(metadata);
      requireNonNull(json, "json");
    }

    @Override
    public String type() {
      return ERROR_INFO;
    }
  }

  /**
   * How long the server asks the client to wait before retrying.
   *
   * @param retryDelay the delay; zero when absent
   * @param json the detail as received
   * @serial exclude
   */
  record RetryInfo(Duration retryDelay, String json) implements ErrorDetail {
    /**
     * Rejects nulls.
     *
     * @param retryDelay the delay; zero when absent
     * @param json the detail as received
     */
    public RetryInfo {
      requireNonNull(retryDelay, "retryDelay");
      requireNonNull(json, "json");
    }

    @Override
    public String type() {
      return RETRY_INFO;
    }
  }

  /**
   * Which quota checks failed.
   *
   * @param violations one per failed check
   * @param json the detail as received
   * @serial exclude
   */
  record QuotaFailure(List<Violation> violations, String json) implements ErrorDetail {
    /**
     * Copies {@code violations}; rejects nulls.
     *
     * @param violations one per failed check
     * @param json the detail as received
     */
    public QuotaFailure {
      violations = List.copyOf(violations);
      requireNonNull(json, "json");
    }

    @Override
    public String type() {
      return QUOTA_FAILURE;
    }

    /**
     * One failed quota check.
     *
     * @param subject what the quota applies to, such as {@code project_number:123}
     * @param description what was exceeded
     * @serial exclude
     */
    public record Violation(String subject, String description) implements Serializable {
      /**
       * Rejects nulls.
       *
       * @param subject what the quota applies to, such as {@code project_number:123}
       * @param description what was exceeded
       */
      public Violation {
        requireNonNull(subject, "subject");
        requireNonNull(description, "description");
      }
    }
  }

  /**
   * Which fields of the request were invalid.
   *
   * @param fieldViolations one per invalid field
   * @param json the detail as received
   * @serial exclude
   */
  record BadRequest(List<FieldViolation> fieldViolations, String json) implements ErrorDetail {
    /**
     * Copies {@code fieldViolations}; rejects nulls.
     *
     * @param fieldViolations one per invalid field
     * @param json the detail as received
     */
    public BadRequest {
      fieldViolations = List.copyOf(fieldViolations);
      requireNonNull(json, "json");
    }

    @Override
    public String type() {
      return BAD_REQUEST;
    }

    /**
     * One invalid field.
     *
     * @param field the field's path, such as {@code page_size}
     * @param description why it is invalid
     * @serial exclude
     */
    public record FieldViolation(String field, String description) implements Serializable {
      /**
       * Rejects nulls.
       *
       * @param field the field's path, such as {@code page_size}
       * @param description why it is invalid
       */
      public FieldViolation {
        requireNonNull(field, "field");
        requireNonNull(description, "description");
      }
    }
  }

  /**
   * Links to documentation about the error.
   *
   * @param links the links
   * @param json the detail as received
   * @serial exclude
   */
  record Help(List<Link> links, String json) implements ErrorDetail {
    /**
     * Copies {@code links}; rejects nulls.
     *
     * @param links the links
     * @param json the detail as received
     */
    public Help {
      links = List.copyOf(links);
      requireNonNull(json, "json");
    }

    @Override
    public String type() {
      return HELP;
    }

    /**
     * One link.
     *
     * @param description what the link offers
     * @param url where it points
     * @serial exclude
     */
    public record Link(String description, String url) implements Serializable {
      /**
       * Rejects nulls.
       *
       * @param description what the link offers
       * @param url where it points
       */
      public Link {
        requireNonNull(description, "description");
        requireNonNull(url, "url");
      }
    }
  }

  /**
   * A detail of a type this SDK has no view for, kept as received.
   *
   * @param type its {@code @type} URL; empty if the server sent none
   * @param json the detail as received
   * @serial exclude
   */
  record Unknown(String type, String json) implements ErrorDetail {
    /**
     * Rejects nulls.
     *
     * @param type its {@code @type} URL; empty if the server sent none
     * @param json the detail as received
     */
    public Unknown {
      requireNonNull(type, "type");
      requireNonNull(json, "json");
    }
  }
}
