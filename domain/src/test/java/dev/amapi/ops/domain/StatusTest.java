package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import dev.amapi.ops.domain.ErrorDetail.BadRequest;
import dev.amapi.ops.domain.ErrorDetail.ErrorInfo;
import dev.amapi.ops.domain.ErrorDetail.RetryInfo;
import dev.amapi.ops.domain.ErrorDetail.Unknown;
import dev.amapi.ops.domain.Status.LegacyError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusTest {
  private static final RetryInfo RETRY_2_5_S =
      new RetryInfo(
          Duration.ofMillis(2500),
          "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"2.500s\"}");
  private static final RetryInfo RETRY_10_S =
      new RetryInfo(
          Duration.ofSeconds(10),
          "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"10s\"}");
  private static final ErrorInfo ERROR_INFO =
      new ErrorInfo(
          "RATE_LIMIT_EXCEEDED",
          "googleapis.com",
          Map.of("service", "androidmanagement.googleapis.com"),
          "{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\"}");

  @Test
  void of_codeAndMessage_hasNoDetails() {
    Status status = Status.of(Code.NOT_FOUND, "Resource not found");

    assertThat(status.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(status.message()).isEqualTo("Resource not found");
    assertThat(status.details()).isEmpty();
    assertThat(status.legacyErrors()).isEmpty();
  }

  @Test
  void details_listMutatedAfterConstruction_isUnchanged() {
    List<ErrorDetail> details = new ArrayList<>(List.of(ERROR_INFO));
    Status status = Status.of(Code.RESOURCE_EXHAUSTED, "Quota exceeded", details);

    details.add(RETRY_2_5_S);

    assertThat(status.details()).containsExactly(ERROR_INFO);
  }

  @Test
  void legacyErrors_listMutatedAfterConstruction_isUnchanged() {
    LegacyError notFound = new LegacyError("Not found", "global", "notFound", "", "");
    List<LegacyError> legacy = new ArrayList<>(List.of(notFound));
    Status status = new Status(Code.NOT_FOUND, "Not found", List.of(), legacy);

    legacy.clear();

    assertThat(status.legacyErrors()).containsExactly(notFound);
  }

  @Test
  void details_cannotBeModifiedThroughTheAccessor() {
    Status status = Status.of(Code.UNAVAILABLE, "Try again", List.of(RETRY_2_5_S));

    assertThatThrownBy(() -> status.details().add(RETRY_10_S))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void detail_typeSentTwice_findsTheFirst() {
    Status status =
        Status.of(Code.UNAVAILABLE, "Try again", List.of(ERROR_INFO, RETRY_2_5_S, RETRY_10_S));

    assertThat(status.detail(RetryInfo.class)).contains(RETRY_2_5_S);
  }

  @Test
  void detail_typeNotSent_isEmpty() {
    Status status = Status.of(Code.UNAVAILABLE, "Try again", List.of(ERROR_INFO));

    assertThat(status.detail(RetryInfo.class)).isEmpty();
  }

  @Test
  void detail_unknownType_isKeptAndFoundAsUnknown() {
    Unknown future =
        new Unknown(
            "type.googleapis.com/google.rpc.LocalizedMessage",
            "{\"@type\":\"type.googleapis.com/google.rpc.LocalizedMessage\",\"locale\":\"en\"}");
    Status status = Status.of(Code.INVALID_ARGUMENT, "Bad", List.of(future));

    assertThat(status.detail(Unknown.class)).contains(future);
    assertThat(status.detail(Unknown.class).orElseThrow().type())
        .isEqualTo("type.googleapis.com/google.rpc.LocalizedMessage");
  }

  @Test
  void detail_eachTypedView_reportsItsTypeUrl() {
    assertThat(RETRY_2_5_S.type()).isEqualTo("type.googleapis.com/google.rpc.RetryInfo");
    assertThat(ERROR_INFO.type()).isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    assertThat(new BadRequest(List.of(), "{}").type())
        .isEqualTo("type.googleapis.com/google.rpc.BadRequest");
  }

  @Test
  void errorInfo_metadataMutatedAfterConstruction_isUnchanged() {
    Map<String, String> metadata = new HashMap<>(Map.of("service", "androidmanagement"));
    ErrorInfo info = new ErrorInfo("REASON", "googleapis.com", metadata, "{}");

    metadata.put("consumer", "projects/1");

    assertThat(info.metadata()).containsOnlyKeys("service");
  }

  @Test
  void badRequest_violationsMutatedAfterConstruction_areUnchanged() {
    BadRequest.FieldViolation pageSize = new BadRequest.FieldViolation("page_size", "negative");
    List<BadRequest.FieldViolation> violations = new ArrayList<>(List.of(pageSize));
    BadRequest badRequest = new BadRequest(violations, "{}");

    violations.clear();

    assertThat(badRequest.fieldViolations()).containsExactly(pageSize);
  }

  @Test
  void unknownStatus_ofAPlainStatus_isEmpty() {
    Status status = Status.of(Code.NOT_FOUND, "Not found");

    assertThat(status.unknownStatus()).isEmpty();
    assertThat(status.unknownStatusName()).isEmpty();
    assertThat(status.otherFields()).isEmpty();
  }

  @Test
  void withUnknownStatusName_keepsTheNameAndEverythingElse() {
    Status plain = Status.of(Code.UNAVAILABLE, "Try later", List.of(RETRY_2_5_S));

    Status status = plain.withUnknownStatusName("SOME_NEW_STATUS");

    assertThat(status.unknownStatus()).contains("SOME_NEW_STATUS");
    assertThat(status.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(status.details()).containsExactly(RETRY_2_5_S);
    assertThat(plain.unknownStatus()).isEmpty();
    assertThat(status.withUnknownStatusName("").unknownStatus()).isEmpty();
  }

  @Test
  void withUnknownStatusName_aCodesName_isRefusedQuotingTheRule() {
    assertThatThrownBy(() -> Status.of(Code.UNKNOWN, "").withUnknownStatusName("NOT_FOUND"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"NOT_FOUND\"")
        .hasMessageContaining(Status.UNKNOWN_STATUS_NAME_RULE);
  }

  @Test
  void withUnknownStatusName_notShapedLikeAnEnumName_isRefused() {
    for (String name :
        List.of("some status", "lower_case", "1_STARTS_WITH_DIGIT", "A\nB", "X".repeat(101))) {
      assertThatThrownBy(() -> Status.of(Code.UNKNOWN, "").withUnknownStatusName(name))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(Status.UNKNOWN_STATUS_NAME_RULE);
    }
  }

  @Test
  void isUnknownStatusName_acceptsOnlyNewEnumShapedNames() {
    assertThat(Status.isUnknownStatusName("SOME_NEW_STATUS_2")).isTrue();
    assertThat(Status.isUnknownStatusName("CANCELLED")).isFalse();
    assertThat(Status.isUnknownStatusName("")).isFalse();
    assertThat(Status.isUnknownStatusName("cancelled")).isFalse();
  }

  @Test
  void withOtherField_keepsFieldsInOrderAndReplacesInPlace() {
    Status status =
        Status.of(Code.INTERNAL, "")
            .withOtherField("zeta", "1")
            .withOtherField("alpha", "[true]")
            .withOtherField("zeta", "2");

    assertThat(status.otherFields().keySet()).containsExactly("zeta", "alpha");
    assertThat(status.otherFields()).containsEntry("zeta", "2");
    assertThatThrownBy(() -> status.otherFields().put("x", "1"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void otherFields_mapMutatedAfterConstruction_isUnchanged() {
    Map<String, String> fields = new HashMap<>(Map.of("future", "{}"));
    Status status = new Status(Code.INTERNAL, "", List.of(), List.of(), "", fields);

    fields.put("later", "1");

    assertThat(status.otherFields()).containsOnlyKeys("future");
  }

  @Test
  void constructorsAndStaticMethods_rejectNulls() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(String.class, "x")
            .setDefault(Code.class, Code.OK)
            .setDefault(Duration.class, Duration.ZERO);

    tester.testAllPublicStaticMethods(Status.class);
    tester.testAllPublicConstructors(Status.class);
    tester.testAllPublicConstructors(LegacyError.class);
    tester.testAllPublicInstanceMethods(Status.of(Code.OK, ""));
    for (Class<?> detail : ErrorDetail.class.getPermittedSubclasses()) {
      tester.testAllPublicConstructors(detail);
    }
  }

  @Test
  void equals_sameCodeMessageAndDetails_areEqualAndAnyDifferenceIsNot() {
    LegacyError legacy = new LegacyError("Not found", "global", "notFound", "", "");
    new EqualsTester()
        .addEqualityGroup(
            Status.of(Code.NOT_FOUND, "Not found"),
            Status.of(Code.NOT_FOUND, "Not found", List.of()),
            new Status(Code.NOT_FOUND, "Not found", new ArrayList<>(), new ArrayList<>()))
        .addEqualityGroup(Status.of(Code.PERMISSION_DENIED, "Not found"))
        .addEqualityGroup(Status.of(Code.NOT_FOUND, "not found"))
        .addEqualityGroup(Status.of(Code.NOT_FOUND, ""))
        .addEqualityGroup(
            Status.of(Code.NOT_FOUND, "Not found", List.of(RETRY_2_5_S)),
            Status.of(Code.NOT_FOUND, "Not found", new ArrayList<>(List.of(RETRY_2_5_S))))
        .addEqualityGroup(Status.of(Code.NOT_FOUND, "Not found", List.of(RETRY_10_S)))
        .addEqualityGroup(new Status(Code.NOT_FOUND, "Not found", List.of(), List.of(legacy)))
        .addEqualityGroup(
            Status.of(Code.NOT_FOUND, "Not found").withUnknownStatusName("GONE_FOR_GOOD"),
            new Status(
                Code.NOT_FOUND, "Not found", List.of(), List.of(), "GONE_FOR_GOOD", Map.of()))
        .addEqualityGroup(Status.of(Code.NOT_FOUND, "Not found").withOtherField("future", "1"))
        .testEquals();
  }
}
