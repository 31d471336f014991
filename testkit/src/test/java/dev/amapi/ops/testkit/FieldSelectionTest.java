package dev.amapi.ops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Code;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code fields} selector: Google's syntax, checked against the API's messages. */
class FieldSelectionTest {
  private static final String OPERATION =
      "{\"name\":\"enterprises/e/devices/d/operations/1\","
          + "\"metadata\":{\"@type\":\"t\",\"type\":\"REBOOT\",\"duration\":\"600s\"},"
          + "\"done\":true,"
          + "\"error\":{\"code\":1,\"message\":\"Operation was cancelled.\"}}";
  private static final String LIST =
      "{\"operations\":[" + OPERATION + "," + OPERATION + "],\"nextPageToken\":\"abc\"}";

  @Test
  void paths_selectNestedFields() {
    assertThat(select("metadata/type,error/code", FieldSelection.Shape.OPERATION, OPERATION))
        .isEqualTo("{\"metadata\":{\"type\":\"REBOOT\"},\"error\":{\"code\":1}}");
  }

  @Test
  void parentheses_selectInsideEveryElement() {
    assertThat(select("operations(done,error(code))", FieldSelection.Shape.LIST, LIST))
        .isEqualTo(
            "{\"operations\":[{\"done\":true,\"error\":{\"code\":1}},"
                + "{\"done\":true,\"error\":{\"code\":1}}]}");
  }

  @Test
  void star_selectsEveryField() {
    assertThat(select("*", FieldSelection.Shape.OPERATION, OPERATION)).isEqualTo(OPERATION);
    assertThat(select("operations/*", FieldSelection.Shape.LIST, LIST))
        .isEqualTo("{\"operations\":[" + OPERATION + "," + OPERATION + "]}");
  }

  @Test
  void selectionOfAbsentFields_isAnEmptyObject() {
    assertThat(select("response", FieldSelection.Shape.OPERATION, OPERATION)).isEqualTo("{}");
  }

  @Test
  void invalidSelections_areInvalidArgument() {
    for (String bad : new String[] {"", "name,", "(name)", "name)", "name(", "na-me", "a**"}) {
      assertThatThrownBy(() -> FieldSelection.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              AmapiException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT));
    }
  }

  @Test
  void unknownFieldsAndSubSelectionsOfScalars_areInvalidArgument() {
    for (String bad : new String[] {"colour", "name(x)", "error/colour", "operations(nope)"}) {
      FieldSelection.Shape shape =
          bad.startsWith("operations") ? FieldSelection.Shape.LIST : FieldSelection.Shape.OPERATION;
      assertThatThrownBy(() -> FieldSelection.parse(bad).check(shape))
          .as(bad)
          .isInstanceOf(AmapiException.class)
          .hasMessageContaining("Invalid field selection");
    }
  }

  @Test
  void freeFormFields_takeAnySubSelection() {
    FieldSelection.parse("metadata/anything,response(x)").check(FieldSelection.Shape.OPERATION);
  }

  private static String select(String fields, FieldSelection.Shape shape, String json) {
    FieldSelection selection = FieldSelection.parse(fields);
    selection.check(shape);
    return new String(
        selection.apply(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }
}
