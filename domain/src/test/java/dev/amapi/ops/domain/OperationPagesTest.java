package dev.amapi.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import dev.amapi.ops.domain.port.ListOperationsPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OperationPagesTest {
  private static final DeviceName DEVICE = Operations.NAME.device();
  private static final Operation OP_1 = Operations.pending("1");
  private static final Operation OP_2 = Operations.pending("2");
  private static final Operation OP_3 = Operations.pending("3");

  /** Three pages, the middle one empty but not the last. */
  private static final Map<String, OperationsPage> THREE_PAGES =
      Map.of(
          "", OperationsPage.of(List.of(OP_1, OP_2), "page-2"),
          "page-2", OperationsPage.of(List.of(), "page-3"),
          "page-3", OperationsPage.of(List.of(OP_3), ""));

  @Test
  void listAll_walksEveryPageInOrder() {
    PagedPort port = new PagedPort(THREE_PAGES::get);

    assertThat(port.listAll(DEVICE, ListOperationsRequest.firstPage()))
        .containsExactly(OP_1, OP_2, OP_3);
  }

  @Test
  void listAll_asksForEachPageByTheTokenOfThePageBefore() {
    PagedPort port = new PagedPort(THREE_PAGES::get);

    port.listAll(DEVICE, ListOperationsRequest.firstPage()).forEach(operation -> {});

    assertThat(port.requests)
        .extracting(ListOperationsRequest::pageToken)
        .containsExactly("", "page-2", "page-3");
  }

  @Test
  void listAll_keepsFilterAndPageSizeOnEveryPage() {
    PagedPort port = new PagedPort(THREE_PAGES::get);
    ListOperationsRequest first =
        ListOperationsRequest.firstPage().withFilter("done=false").withPageSize(2);

    port.listAll(DEVICE, first).forEach(operation -> {});

    assertThat(port.requests)
        .containsExactly(first, first.withPageToken("page-2"), first.withPageToken("page-3"));
  }

  @Test
  void listAll_asksForTheDeviceGiven() {
    PagedPort port = new PagedPort(THREE_PAGES::get);

    port.listAll(DEVICE, ListOperationsRequest.firstPage()).forEach(operation -> {});

    assertThat(port.devices).containsOnly(DEVICE);
  }

  @Test
  void listAll_fetchesNothingBeforeTheStreamIsConsumed() {
    PagedPort port = new PagedPort(THREE_PAGES::get);

    Stream<Operation> operations = port.listAll(DEVICE, ListOperationsRequest.firstPage());

    assertThat(operations).isNotNull();
    assertThat(port.requests).isEmpty();
  }

  @Test
  void listAll_limitedToOne_fetchesOnlyTheFirstPage() {
    PagedPort port = new PagedPort(THREE_PAGES::get);

    List<Operation> first =
        port.listAll(DEVICE, ListOperationsRequest.firstPage()).limit(1).toList();

    assertThat(first).containsExactly(OP_1);
    assertThat(port.requests).hasSize(1);
  }

  @Test
  void listAll_fromALaterPage_startsThere() {
    PagedPort port = new PagedPort(THREE_PAGES::get);

    assertThat(port.listAll(DEVICE, ListOperationsRequest.firstPage().withPageToken("page-2")))
        .containsExactly(OP_3);
  }

  @Test
  void listAll_pageGivingItsOwnTokenAsNext_stops() {
    PagedPort port =
        new PagedPort(
            Map.of(
                    "", OperationsPage.of(List.of(OP_1), "stuck"),
                    "stuck", OperationsPage.of(List.of(OP_2), "stuck"))
                ::get);

    assertThat(port.listAll(DEVICE, ListOperationsRequest.firstPage())).containsExactly(OP_1, OP_2);
    assertThat(port.requests).hasSize(2);
  }

  @Test
  void listAll_onlyEmptyPages_isEmpty() {
    PagedPort port =
        new PagedPort(
            Map.of(
                    "", OperationsPage.of(List.of(), "page-2"),
                    "page-2", OperationsPage.of(List.of(), ""))
                ::get);

    assertThat(port.listAll(DEVICE, ListOperationsRequest.firstPage())).isEmpty();
    assertThat(port.requests).hasSize(2);
  }

  @Test
  void listAll_failingPage_failsTheStreamWhenItIsReached() {
    AmapiException unavailable =
        new AmapiException(Status.of(Code.UNAVAILABLE, "The service is unavailable."), 503);
    PagedPort port =
        new PagedPort(
            token -> {
              if (token.isEmpty()) {
                return OperationsPage.of(List.of(OP_1), "page-2");
              }
              throw unavailable;
            });
    Stream<Operation> operations = port.listAll(DEVICE, ListOperationsRequest.firstPage());

    assertThatThrownBy(operations::toList).isSameAs(unavailable);
  }

  @Test
  void listAll_pagesThatLoopBack_stopAtTheFirstRepeatedToken() {
    PagedPort port =
        new PagedPort(
            Map.of(
                    "", OperationsPage.of(List.of(OP_1), "a"),
                    "a", OperationsPage.of(List.of(OP_2), "b"),
                    "b", OperationsPage.of(List.of(OP_3), "a"))
                ::get);

    assertThat(port.listAll(DEVICE, ListOperationsRequest.firstPage()))
        .containsExactly(OP_1, OP_2, OP_3);
    assertThat(port.requests).hasSize(3);
  }

  @Test
  void stream_rejectsNulls() {
    new NullPointerTester()
        .setDefault(DeviceName.class, DEVICE)
        .setDefault(ListOperationsRequest.class, ListOperationsRequest.firstPage())
        .testAllPublicStaticMethods(OperationPages.class);
  }

  /**
   * A list port serving pages by token and recording every request. It fails past 10 fetches, so a
   * paging loop that never ends fails the test instead of hanging it.
   */
  private static final class PagedPort implements ListOperationsPort {
    final List<ListOperationsRequest> requests = new ArrayList<>();
    final List<DeviceName> devices = new ArrayList<>();
    private final Function<String, OperationsPage> pages;

    PagedPort(Function<String, OperationsPage> pages) {
      this.pages = pages;
    }

    @Override
    public OperationsPage list(DeviceName device, ListOperationsRequest request) {
      if (requests.size() >= 10) {
        throw new AssertionError("more than 10 pages fetched: " + requests);
      }
      requests.add(request);
      devices.add(device);
      OperationsPage page = pages.apply(request.pageToken());
      if (page == null) {
        throw new AssertionError("no page for token \"" + request.pageToken() + "\"");
      }
      return page;
    }

    @Override
    public CompletableFuture<OperationsPage> listAsync(
        DeviceName device, ListOperationsRequest request) {
      return CompletableFuture.completedFuture(list(device, request));
    }
  }
}
