package dev.amapi.ops.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link AmapiOpsConfigurationException} at start-up as Spring Boot reports a property
 * that cannot be bound: the property, why, and what to do. Registered in {@code
 * META-INF/spring.factories}.
 */
final class AmapiOpsFailureAnalyzer
    extends AbstractFailureAnalyzer<AmapiOpsConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AmapiOpsConfigurationException cause) {
    String reason = cause.getMessage();
    String action = cause.action();
    if (reason != null && reason.endsWith(" " + action)) {
      reason = reason.substring(0, reason.length() - action.length() - 1);
    }
    return new FailureAnalysis(
        "The amapi-ops DeviceOperations bean could not be made:\n\n    Property: "
            + cause.property()
            + "\n    Reason: "
            + reason
            + "\n",
        action,
        cause);
  }
}
