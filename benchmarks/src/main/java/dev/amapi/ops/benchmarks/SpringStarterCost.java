package dev.amapi.ops.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.amapi.ops.domain.AccessToken;
import dev.amapi.ops.domain.CommandType;
import dev.amapi.ops.domain.OperationName;
import dev.amapi.ops.domain.port.AccessTokenSource;
import dev.amapi.ops.domain.port.DeviceOperations;
import dev.amapi.ops.rest.RetryPolicy;
import dev.amapi.ops.spring.AmapiOpsAutoConfiguration;
import dev.amapi.ops.spring.AmapiOpsObservationAutoConfiguration;
import dev.amapi.ops.spring.DeviceOperationsBuilderCustomizer;
import dev.amapi.ops.spring.ObservationCallListener;
import dev.amapi.ops.testkit.FakeAmapiServer;
import dev.amapi.ops.transport.jdk.JdkHttpOperations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * What the Spring Boot starter costs: per call, its {@code DeviceOperations} bean and its
 * Micrometer bridge against the same client built by hand; and per application context, the time
 * the starter adds to starting one.
 *
 * <p><b>Per call</b>, over the JDK transport (the starter's default), in ONE JVM against ONE fake
 * server per scheme ({@code http}, and {@code https} with the testkit's certificate, as {@link
 * Ratios}): {@code HAND}, {@code JdkHttpOperations.builder()} with the endpoint, a fixed token, no
 * retries (as in {@code Ratios}: a retry's backoff would stall a round) and, over https, the fake's
 * {@code SSLContext}, every other setting the builder's default; {@code STARTER}, the bean of an
 * application context with the starter's auto-configuration, the endpoint in {@code
 * amapi.ops.endpoint}, {@code amapi.ops.retry.max-attempts=1}, the token as an {@code
 * AccessTokenSource} bean and the {@code SSLContext} through a {@code
 * DeviceOperationsBuilderCustomizer}; {@code STARTER_OBSERVED}, the same with an {@link
 * ObservationRegistry} bean whose handler records timers ({@link DefaultMeterObservationHandler} on
 * a {@link SimpleMeterRegistry}, as Boot's actuator sets up without tracing), so that every call
 * goes through {@link ObservationCallListener}; {@code STARTER_BRIDGE_ONLY}, the same with a
 * registry whose one handler does nothing, to tell the bridge's own share from the timers' ({@link
 * #bridgeOnlyRegistry()}). Each is warmed up with {@code --warmup} sequential cancels, then {@code
 * --rounds} rounds of sequential cancels, the variants interleaved and the order reversed every
 * other round; then the same at {@code --threads} threads. It prints microseconds per call and the
 * bytes allocated per sequential call (calling thread, and all threads), median of the rounds
 * (min–max), and per round the calls per second of each variant divided by those of {@code HAND} in
 * the same round (above 1: faster), with the median and min–max of those ratios. The timers' total
 * count is checked against the calls made, so the bridge is known to have observed them all.
 *
 * <p><b>Per context</b>, first (so that the first start of each kind is the one in a fresh JVM):
 * {@code --starts} starts of each kind of context after {@code --start-warmup} untimed rounds,
 * interleaved as above: {@code EMPTY}, an {@code AnnotationConfigApplicationContext} with no bean;
 * {@code REGISTRY}, one with the observation registry bean only; {@code STARTER}, the per-call
 * variant's context (endpoint property, token bean, the starter's two auto-configurations, which
 * build the client); {@code STARTER_OBSERVED}, the same with the registry bean. Timed from
 * constructing the context to the end of {@code refresh()}; closing is not timed. It is the context
 * as {@code ApplicationContextRunner} makes it, not a whole {@code SpringApplication} (no
 * configuration files, logging system or listeners, the same for every application). It prints the
 * median (min–max) ms of each and, per round, what the starter adds: {@code STARTER - EMPTY} and
 * {@code STARTER_OBSERVED - REGISTRY}.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.amapi.ops.benchmarks.SpringStarterCost \
 *     [--calls 20000] [--warmup 5000] [--threads 16] [--rounds 10] [--scheme http|https|both] \
 *     [--starts 40] [--start-warmup 20]
 * }</pre>
 */
public final class SpringStarterCost {
  /** How a client of the per-call comparison is made. */
  enum Variant {
    HAND,
    STARTER,
    STARTER_OBSERVED,
    STARTER_BRIDGE_ONLY
  }

  /** What a context of the start-up comparison holds. */
  enum Context {
    EMPTY(false, false),
    REGISTRY(false, true),
    STARTER(true, false),
    STARTER_OBSERVED(true, true);

    final boolean starter;
    final boolean observed;

    Context(boolean starter, boolean observed) {
      this.starter = starter;
      this.observed = observed;
    }
  }

  private static final AtomicInteger FAILED_AND_REPEATED = new AtomicInteger();
  private static final AtomicInteger EXTRA_REQUESTS = new AtomicInteger();

  private final int calls;
  private final int warmup;
  private final int threads;
  private final int rounds;
  private final com.sun.management.ThreadMXBean allocation =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private SpringStarterCost(int calls, int warmup, int threads, int rounds) {
    this.calls = calls;
    this.warmup = warmup;
    this.threads = threads;
    this.rounds = rounds;
  }

  /** One measured round of one variant. */
  private record Run(double micros, double callerBytes, double allBytes) {}

  /** A client under test and what closes it. */
  private record Open(DeviceOperations operations, AutoCloseable closer) {}

  public static void main(String[] args) throws Exception {
    int calls = 20_000;
    int warmup = 5_000;
    int threads = 16;
    int rounds = 10;
    int starts = 40;
    int startWarmup = 20;
    String scheme = "both";
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--calls" -> calls = positive(option, value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--threads" -> threads = positive(option, value);
        case "--rounds" -> rounds = positive(option, value);
        case "--starts" -> starts = positive(option, value);
        case "--start-warmup" -> startWarmup = Integer.parseInt(value);
        case "--scheme" -> scheme = value;
        default -> throw new IllegalArgumentException("Unknown option " + option);
      }
    }
    List<String> schemes =
        switch (scheme) {
          case "both" -> List.of("http", "https");
          case "http", "https" -> List.of(scheme);
          default -> throw new IllegalArgumentException("--scheme http, https or both: " + scheme);
        };
    System.out.printf(
        Locale.ROOT,
        "Java %s (%s), %s %s, %d cores; load average before: %s%n",
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        Runtime.getRuntime().availableProcessors(),
        CliStart.loadAverage());
    startUp(starts, startWarmup);
    System.out.printf(
        Locale.ROOT,
        "%n%d measured cancels per variant per mode in %d rounds, %d warm-up, %d threads%n",
        calls,
        rounds,
        warmup,
        threads);
    SpringStarterCost cost = new SpringStarterCost(calls, warmup, threads, rounds);
    for (String s : schemes) {
      long start = System.nanoTime();
      cost.perCall(s);
      System.out.printf(Locale.ROOT, "(%s took %.0f s)%n", s, (System.nanoTime() - start) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "%ncancels that failed and were made again: %d; requests beyond one per cancel: %d;"
            + " load average after: %s%n",
        FAILED_AND_REPEATED.get(),
        EXTRA_REQUESTS.get(),
        CliStart.loadAverage());
  }

  // ---------------------------------------------------------------- contexts

  /**
   * Starts a context of this kind: for the starter, its two auto-configurations with {@code
   * amapi.ops.endpoint} set, a fixed token and, when {@code tls} is given, a customizer that trusts
   * the fake with it; when {@code kind} is observed, the {@code registry} bean.
   */
  static AnnotationConfigApplicationContext start(
      Context kind,
      URI endpoint,
      @Nullable SSLContext tls,
      @Nullable Supplier<ObservationRegistry> registry) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    if (kind.observed) {
      context.registerBean(ObservationRegistry.class, requireNonNull(registry, "registry"));
    }
    if (kind.starter) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "spring-starter-cost",
                  Map.of(
                      "amapi.ops.endpoint",
                      endpoint.toString(),
                      // No retries, as Ratios: a retry's backoff would stall a round.
                      "amapi.ops.retry.max-attempts",
                      "1")));
      context.registerBean(
          AccessTokenSource.class, () -> AccessTokenSource.fixed(AccessToken.of(Client.TOKEN)));
      if (tls != null) {
        context.registerBean(
            DeviceOperationsBuilderCustomizer.class, () -> builder -> builder.sslContext(tls));
      }
      // In the order Boot sorts them: the bridge's listener bean before the client.
      context.register(AmapiOpsObservationAutoConfiguration.class, AmapiOpsAutoConfiguration.class);
    }
    context.refresh();
    return context;
  }

  /** A registry as actuator's metrics make it, without tracing: a timer per observation. */
  static ObservationRegistry observationRegistry(MeterRegistry meters) {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    return registry;
  }

  /**
   * A registry whose one handler does nothing: the bridge and Micrometer's {@code Observation}s run
   * (a registry with no handler would make every observation a no-op), no meter is made.
   */
  static ObservationRegistry bridgeOnlyRegistry() {
    ObservationRegistry registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<Observation.Context>() {
              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    return registry;
  }

  /** The client {@code HAND} measures: the builder with what the starter's context sets. */
  static DeviceOperations byHand(URI endpoint, @Nullable SSLContext tls) {
    JdkHttpOperations.Builder builder =
        JdkHttpOperations.builder()
            .endpoint(endpoint)
            .tokenSource(AccessTokenSource.fixed(AccessToken.of(Client.TOKEN)))
            .retryPolicy(RetryPolicy.none());
    if (tls != null) {
      builder.sslContext(tls);
    }
    return builder.build();
  }

  // ---------------------------------------------------------------- start-up

  private static void startUp(int starts, int startWarmup) {
    Map<Context, List<Double>> millis = new EnumMap<>(Context.class);
    Map<Context, Double> first = new EnumMap<>(Context.class);
    try (FakeAmapiServer server = OnFakeServer.startServer("http")) {
      List<Context> kinds = List.of(Context.values());
      for (int round = -startWarmup - 1; round < starts; round++) {
        System.gc(); // the clients closed last round, not timed
        List<Context> order = new ArrayList<>(kinds);
        if (((round + startWarmup + 1) & 1) == 1) { // the first round in the order of the rows
          Collections.reverse(order);
        }
        for (Context kind : order) {
          long begin = System.nanoTime();
          AnnotationConfigApplicationContext context =
              start(
                  kind,
                  server.endpoint(),
                  null,
                  () -> observationRegistry(new SimpleMeterRegistry()));
          double elapsed = (System.nanoTime() - begin) / 1e6;
          if (kind.starter) {
            context.getBean(DeviceOperations.class);
          }
          context.close();
          if (round == -startWarmup - 1) {
            first.put(kind, elapsed);
          } else if (round >= 0) {
            millis.computeIfAbsent(kind, k -> new ArrayList<>()).add(elapsed);
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%n### Context start, ms: %d starts of each after %d warm-up rounds, median (min–max)%n%n",
        starts,
        startWarmup);
    System.out.println("| context | start | first in this JVM (in the order of the rows) |");
    System.out.println("|---|---:|---:|");
    for (Context kind : Context.values()) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %.1f |%n",
          kind,
          Spread.of(requireNonNull(millis.get(kind)), "%.2f"),
          requireNonNull(first.get(kind)));
    }
    System.out.printf(Locale.ROOT, "%n| what the starter adds, per round | ms |%n|---|---:|%n");
    System.out.printf(
        Locale.ROOT,
        "| STARTER - EMPTY | %s |%n| STARTER_OBSERVED - REGISTRY | %s |%n",
        Spread.of(
            Spread.differences(
                requireNonNull(millis.get(Context.STARTER)),
                requireNonNull(millis.get(Context.EMPTY))),
            "%+.2f"),
        Spread.of(
            Spread.differences(
                requireNonNull(millis.get(Context.STARTER_OBSERVED)),
                requireNonNull(millis.get(Context.REGISTRY))),
            "%+.2f"));
  }

  // ---------------------------------------------------------------- per call

  private void perCall(String scheme) throws Exception {
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread =
                  new Thread(task, "starter-cost-caller-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    Map<Variant, Open> open = new EnumMap<>(Variant.class);
    Map<Variant, List<Run>> sequential = new EnumMap<>(Variant.class);
    Map<Variant, List<Run>> concurrent = new EnumMap<>(Variant.class);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    int made = 0;
    try (FakeAmapiServer server = OnFakeServer.startServer(scheme)) {
      OperationName name =
          server.operations().issueCommand(OnFakeServer.DEVICE, CommandType.REBOOT).name();
      SSLContext tls = OnFakeServer.tlsFor(scheme);
      DeviceOperations hand = byHand(server.endpoint(), tls);
      open.put(Variant.HAND, new Open(hand, hand));
      for (Variant variant :
          List.of(Variant.STARTER, Variant.STARTER_OBSERVED, Variant.STARTER_BRIDGE_ONLY)) {
        AnnotationConfigApplicationContext context =
            switch (variant) {
              case STARTER -> start(Context.STARTER, server.endpoint(), tls, null);
              case STARTER_OBSERVED ->
                  start(
                      Context.STARTER_OBSERVED,
                      server.endpoint(),
                      tls,
                      () -> observationRegistry(meters));
              default ->
                  start(
                      Context.STARTER_OBSERVED,
                      server.endpoint(),
                      tls,
                      SpringStarterCost::bridgeOnlyRegistry);
            };
        open.put(variant, new Open(context.getBean(DeviceOperations.class), context));
      }
      List<Variant> variants = List.of(Variant.values());
      for (Variant variant : variants) {
        sequential(server, operations(open, variant), name, warmup);
      }
      made += warmup;
      int perRound = Math.max(1, calls / rounds);
      for (int round = 0; round < rounds; round++) {
        for (Variant variant : inOrder(variants, round)) {
          sequential
              .computeIfAbsent(variant, k -> new ArrayList<>())
              .add(sequential(server, operations(open, variant), name, perRound));
        }
      }
      made += perRound * rounds;
      int each = Math.max(1, perRound / threads);
      for (Variant variant : variants) {
        concurrent(server, operations(open, variant), name, pool, Math.max(1, warmup / threads));
      }
      made += Math.max(1, warmup / threads) * threads;
      for (int round = 0; round < rounds; round++) {
        for (Variant variant : inOrder(variants, round)) {
          concurrent
              .computeIfAbsent(variant, k -> new ArrayList<>())
              .add(concurrent(server, operations(open, variant), name, pool, each));
        }
      }
      made += each * threads * rounds;
    } finally {
      for (Open o : open.values()) {
        o.closer().close();
      }
      pool.shutdownNow();
    }
    long observed = 0;
    for (Timer timer : meters.find(ObservationCallListener.CALL_OBSERVATION).timers()) {
      observed += timer.count();
    }
    if (observed < made) {
      throw new IllegalStateException(
          "The bridge's timers counted " + observed + " calls of the " + made + " made");
    }
    print(scheme, sequential, concurrent, observed);
  }

  private static DeviceOperations operations(Map<Variant, Open> open, Variant variant) {
    return requireNonNull(open.get(variant)).operations();
  }

  private static List<Variant> inOrder(List<Variant> variants, int round) {
    List<Variant> order = new ArrayList<>(variants);
    if (round % 2 == 1) {
      Collections.reverse(order);
    }
    return order;
  }

  private Run sequential(
      FakeAmapiServer server, DeviceOperations operations, OperationName name, int n) {
    server.clearJournal();
    long callerBefore = allocation.getCurrentThreadAllocatedBytes();
    long allBefore = allThreadsAllocated();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      cancelOnce(operations, name);
    }
    long elapsed = System.nanoTime() - start;
    long allAfter = allThreadsAllocated();
    long callerAfter = allocation.getCurrentThreadAllocatedBytes();
    checkRequests(server, n);
    return new Run(
        elapsed / 1e3 / n,
        (double) (callerAfter - callerBefore) / n,
        (double) (allAfter - allBefore) / n);
  }

  private Run concurrent(
      FakeAmapiServer server,
      DeviceOperations operations,
      OperationName name,
      ExecutorService pool,
      int each)
      throws InterruptedException, ExecutionException {
    server.clearJournal();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                for (int i = 0; i < each; i++) {
                  cancelOnce(operations, name);
                }
                return null;
              }));
    }
    ready.await();
    long start = System.nanoTime();
    go.countDown();
    for (Future<?> future : done) {
      future.get();
    }
    long elapsed = System.nanoTime() - start;
    checkRequests(server, each * threads);
    return new Run(elapsed / 1e3 / (each * threads), 0, 0);
  }

  /** One cancel, made again if it got no answer (see {@link Ratios}); the repeats are counted. */
  private static void cancelOnce(DeviceOperations operations, OperationName name) {
    try {
      operations.cancel(name);
    } catch (RuntimeException e) {
      FAILED_AND_REPEATED.incrementAndGet();
      operations.cancel(name);
    }
  }

  /**
   * Every cancel must have reached the fake; more requests than cancels are this harness's repeats
   * (the clients retry nothing), counted and printed.
   */
  private static void checkRequests(FakeAmapiServer server, int expected) {
    int seen = server.requestCount();
    if (seen < expected) {
      throw new IllegalStateException(
          "The fake saw " + seen + " requests for " + expected + " cancels");
    }
    EXTRA_REQUESTS.addAndGet(seen - expected);
  }

  private long allThreadsAllocated() {
    long total = 0;
    for (long bytes : allocation.getThreadAllocatedBytes(allocation.getAllThreadIds())) {
      if (bytes > 0) {
        total += bytes;
      }
    }
    return total;
  }

  private void print(
      String scheme,
      Map<Variant, List<Run>> sequential,
      Map<Variant, List<Run>> concurrent,
      long observed) {
    System.out.printf(
        Locale.ROOT, "%n### %s: µs per cancel, median of %d rounds (min–max)%n%n", scheme, rounds);
    System.out.printf(
        Locale.ROOT,
        "| variant | sequential | %d threads | allocated per call, calling thread | all threads |%n",
        threads);
    System.out.println("|---|---:|---:|---:|---:|");
    for (Variant variant : Variant.values()) {
      List<Run> seq = requireNonNull(sequential.get(variant));
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s B | %s B |%n",
          variant,
          Spread.of(micros(seq), "%.0f"),
          Spread.of(micros(requireNonNull(concurrent.get(variant))), "%.0f"),
          Spread.of(seq.stream().map(Run::callerBytes).toList(), "%.0f"),
          Spread.of(seq.stream().map(Run::allBytes).toList(), "%.0f"));
    }
    System.out.printf(
        Locale.ROOT,
        "%n### %s: calls/s of the variant ÷ calls/s of the baseline, per round (paired),"
            + " median (min–max)%n%n",
        scheme);
    System.out.printf(
        Locale.ROOT,
        "| variant / baseline | sequential | %d threads | extra allocation per call,"
            + " calling thread | all threads |%n",
        threads);
    System.out.println("|---|---:|---:|---:|---:|");
    List<Variant[]> pairs =
        List.of(
            new Variant[] {Variant.STARTER, Variant.HAND},
            new Variant[] {Variant.STARTER_OBSERVED, Variant.HAND},
            new Variant[] {Variant.STARTER_OBSERVED, Variant.STARTER},
            new Variant[] {Variant.STARTER_BRIDGE_ONLY, Variant.STARTER});
    for (Variant[] pair : pairs) {
      List<Run> ours = requireNonNull(sequential.get(pair[0]));
      List<Run> theirs = requireNonNull(sequential.get(pair[1]));
      System.out.printf(
          Locale.ROOT,
          "| %s / %s | %s | %s | %s B | %s B |%n",
          pair[0],
          pair[1],
          Spread.of(Spread.throughputRatios(micros(ours), micros(theirs)), "%.2f×"),
          Spread.of(
              Spread.throughputRatios(
                  micros(requireNonNull(concurrent.get(pair[0]))),
                  micros(requireNonNull(concurrent.get(pair[1])))),
              "%.2f×"),
          Spread.of(
              Spread.differences(
                  ours.stream().map(Run::callerBytes).toList(),
                  theirs.stream().map(Run::callerBytes).toList()),
              "%+.0f"),
          Spread.of(
              Spread.differences(
                  ours.stream().map(Run::allBytes).toList(),
                  theirs.stream().map(Run::allBytes).toList()),
              "%+.0f"));
    }
    System.out.printf(
        Locale.ROOT,
        "%nThe bridge's %s timers counted %d calls (warm-up included).%n",
        ObservationCallListener.CALL_OBSERVATION,
        observed);
  }

  private static List<Double> micros(List<Run> runs) {
    return runs.stream().map(Run::micros).toList();
  }

  private static int positive(String option, String value) {
    int parsed = Integer.parseInt(value);
    if (parsed < 1) {
      throw new IllegalArgumentException(option + " must be positive, was " + value);
    }
    return parsed;
  }
}
