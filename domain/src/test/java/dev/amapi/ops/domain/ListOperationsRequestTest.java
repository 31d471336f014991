package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.google.common.testing.NullPointerTester;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListOperationsRequestTest {

  @Test
  void firstPage_isUnfilteredServerSizedAndWithoutToken() {
    assertThat(ListOperationsRequest.firstPage()).isEqualTo(new ListOperationsRequest("", 0, ""));
  }

  @Test
  void with_eachChangesOnlyItsOwnField() {
    ListOperationsRequest request =
        ListOperationsRequest.firstPage()
            .withFilter("done=false")
            .withPageSize(50)
            .withPageToken("page-2");

    assertThat(request).isEqualTo(new ListOperationsRequest("done=false", 50, "page-2"));
  }

  @Test
  void new_negativePageSize_isRejectedNamingPageSize() {
    assertThatThrownBy(() -> new ListOperationsRequest("", -1, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize")
        .hasMessageContaining("-1");
  }

  @Test
  void withPageSize_negative_isRejectedNamingPageSize() {
    assertThatThrownBy(() -> ListOperationsRequest.firstPage().withPageSize(-10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize");
  }

  @Test
  void withFilter_loneHighSurrogate_isRefusedNamingFilterThePositionAndTheRule() {
    assertThatThrownBy(() -> ListOperationsRequest.firstPage().withFilter("done=\uD83D"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("filter has an unpaired surrogate U+D83D at index 5")
        .hasMessageContaining(ListOperationsRequest.WELL_FORMED_RULE);
  }

  @Test
  void withPageToken_loneLowSurrogate_isRefusedNamingPageTokenAndThePosition() {
    assertThatThrownBy(() -> ListOperationsRequest.firstPage().withPageToken("\uDE00abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pageToken has an unpaired surrogate U+DE00 at index 0");
  }

  @Test
  void new_surrogatesInTheWrongOrder_areRefused() {
    assertThatThrownBy(() -> new ListOperationsRequest("a\uDE00\uD83D", 0, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at index 1");
  }

  @Test
  void new_pairedSurrogatesAndOtherText_areAccepted() {
    ListOperationsRequest request =
        new ListOperationsRequest("name=\uD83D\uDE00 é 中", 0, "t\uD83D\uDE00");

    assertThat(request.filter()).isEqualTo("name=😀 é 中");
    assertThat(request.pageToken()).isEqualTo("t😀");
  }

  @Test
  void methods_rejectNulls() {
    NullPointerTester tester = new NullPointerTester().setDefault(String.class, "");

    tester.testAllPublicConstructors(ListOperationsRequest.class);
    tester.testAllPublicInstanceMethods(ListOperationsRequest.firstPage());
  }

  @Test
  void page_operationsListMutatedAfterConstruction_isUnchanged() {
    List<Operation> operations = new ArrayList<>(List.of(Operations.pending("1")));
    OperationsPage page = OperationsPage.of(operations, "");

    operations.add(Operations.pending("2"));

    assertThat(page.operations()).containsExactly(Operations.pending("1"));
  }

  @Test
  void page_withEmptyToken_isTheLast() {
    assertThat(OperationsPage.of(List.of(), "").nextPage()).isEmpty();
  }

  @Test
  void page_withToken_saysTheNextPage() {
    assertThat(OperationsPage.of(List.of(), "page-2").nextPage()).contains("page-2");
  }

  @Test
  void page_otherFields_keepTheirOrderAndCannotBeChanged() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("zeta", "1");
    fields.put("alpha", "{\"a\":[]}");
    OperationsPage page = new OperationsPage(List.of(), "", List.of(), fields);

    fields.put("later", "true");

    assertThat(page.otherFields())
        .containsExactly(entry("zeta", "1"), entry("alpha", "{\"a\":[]}"));
    assertThatThrownBy(() -> page.otherFields().put("x", "1"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void page_equality_countsOtherFields() {
    assertThat(new OperationsPage(List.of(), "t", List.of(), Map.of()))
        .isEqualTo(OperationsPage.of(List.of(), "t"))
        .isNotEqualTo(new OperationsPage(List.of(), "t", List.of(), Map.of("future", "1")));
  }

  @Test
  void page_constructors_rejectNulls() {
    NullPointerTester tester = new NullPointerTester().setDefault(String.class, "");

    tester.testAllPublicConstructors(OperationsPage.class);
    tester.testAllPublicStaticMethods(OperationsPage.class);
  }
}
