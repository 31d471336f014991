package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import java.util.ArrayList;
import java.util.List;
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
  void page_constructors_rejectNulls() {
    NullPointerTester tester = new NullPointerTester().setDefault(String.class, "");

    tester.testAllPublicConstructors(OperationsPage.class);
    tester.testAllPublicStaticMethods(OperationsPage.class);
  }
}
