package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Walks the pages of a device's operations lazily. */
public final class OperationPages {
  private OperationPages() {}

  /**
   * Returns every operation from {@code first}'s page on, calling {@code fetch} for the next page
   * only when the stream reaches it.
   *
   * @param fetch fetches one page, such as {@link
   *     dev.amapi.ops.domain.port.ListOperationsPort#list}; its exceptions are thrown from the
   *     stream's terminal operation
   * @param device the device whose operations are listed
   * @param first the request for the first page wanted; its filter and page size apply to all
   * @return a sequential, ordered, lazy stream; paging stops at an empty or repeated page token
   */
  public static Stream<Operation> stream(
      BiFunction<DeviceName, ListOperationsRequest, OperationsPage> fetch,
      DeviceName device,
      ListOperationsRequest first) {
    requireNonNull(fetch, "fetch");
    requireNonNull(device, "device");
    requireNonNull(first, "first");
    return StreamSupport.stream(new PageSpliterator(fetch, device, first), false);
  }

  private static final class PageSpliterator extends Spliterators.AbstractSpliterator<Operation> {
    private final BiFunction<DeviceName, ListOperationsRequest, OperationsPage> fetch;
    private final DeviceName device;
    private ListOperationsRequest next;
    private boolean lastPageFetched;
    private final Deque<Operation> buffered = new ArrayDeque<>();
    private final Set<String> seenTokens = new HashSet<>();

    PageSpliterator(
        BiFunction<DeviceName, ListOperationsRequest, OperationsPage> fetch,
        DeviceName device,
        ListOperationsRequest first) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.fetch = fetch;
      this.device = device;
      this.next = first;
      seenTokens.add(first.pageToken());
    }

    @Override
    public boolean tryAdvance(Consumer<? super Operation> action) {
      // A page may be empty yet not the last, so keep fetching until something or the end.
      while (buffered.isEmpty() && !lastPageFetched) {
        OperationsPage page = fetch.apply(device, next);
        buffered.addAll(page.operations());
        // A token seen before would page in a circle: a server bug, but never a hang here.
        if (page.nextPageToken().isEmpty() || !seenTokens.add(page.nextPageToken())) {
          lastPageFetched = true;
        } else {
          next = next.withPageToken(page.nextPageToken());
        }
      }
      Operation operation = buffered.poll();
      if (operation == null) {
        return false;
      }
      action.accept(operation);
      return true;
    }
  }
}
