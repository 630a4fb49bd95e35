package io.zgnode.jsonrpc.eth;

import io.zgnode.chain.Chain;
import io.zgnode.jsonrpc.core.MethodRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Registers the eth_, net_, web3_ and txpool_ methods (all but the simulation ones: eth_call,
 * eth_estimateGas, eth_createAccessList and eth_getProof belong to the sim package), the polling
 * filters and the eth_subscribe subscriptions.
 *
 * <p>Background work: one event thread fed by a chain listener (filters and subscriptions) and one
 * timer thread that removes filters nobody polls. {@link #register} returns the handle that stops
 * both.
 */
public final class EthApi {
  private EthApi() {}

  /**
   * Registers every method of this package in {@code registry}.
   *
   * @return stops the filter expiry and detaches from the chain's events when closed
   */
  public static AutoCloseable register(MethodRegistry registry, EthContext context) {
    return register(registry, context, Options.DEFAULT);
  }

  /**
   * Knobs for tests.
   *
   * @param clock the clock of filter expiry
   * @param events where chain events are processed; null for a thread of the API's own
   * @param startSweeper whether a timer removes expired filters (else call {@code sweep()})
   * @param filterBuffer changes one filter keeps between polls
   */
  record Options(Clock clock, Executor events, boolean startSweeper, int filterBuffer) {
    static final Options DEFAULT =
        new Options(Clock.systemUTC(), null, true, FilterManager.MAX_BUFFERED);
  }

  static Registration register(MethodRegistry registry, EthContext context, Options options) {
    Clock clock = options.clock();
    ChainAccess access = new ChainAccess(context.chain());
    EventHub hub = new EventHub(options.events());
    FilterManager filters =
        new FilterManager(
            context.config().maxFilters(),
            context.config().filterTimeout(),
            clock,
            options.filterBuffer());
    Subscriptions subscriptions = new Subscriptions(hub);
    LogQueries logs = new LogQueries(context.chain(), context.config());

    new NetMethods(context).register(registry);
    new BlockMethods(access).register(registry);
    new TransactionMethods(access, context).register(registry);
    new StateMethods(access).register(registry);
    new FeeMethods(access, new FeeOracle(context.chain())).register(registry);
    logs.register(registry);
    new FilterMethods(filters, logs).register(registry);
    subscriptions.register(registry);
    new TxPoolMethods(access).register(registry);

    hub.addSink(filters);
    hub.addSink(subscriptions);
    context.chain().addListener(hub);

    ScheduledExecutorService sweeper = null;
    if (options.startSweeper()) {
      sweeper =
          Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zgnode-rpc-filter-expiry");
            t.setDaemon(true);
            return t;
          });
      long period = sweepPeriod(context.config().filterTimeout()).toMillis();
      sweeper.scheduleWithFixedDelay(filters::sweep, period, period, TimeUnit.MILLISECONDS);
    }
    return new Registration(context.chain(), hub, filters, subscriptions, sweeper);
  }

  /** Half the timeout, between 1 s and 30 s: a filter lives at most 1.5 x the timeout. */
  static Duration sweepPeriod(Duration timeout) {
    Duration half = timeout.dividedBy(2);
    Duration min = Duration.ofSeconds(1);
    Duration max = Duration.ofSeconds(30);
    return half.compareTo(min) < 0 ? min : half.compareTo(max) > 0 ? max : half;
  }

  /** What {@link #register} started; closing it stops it. */
  static final class Registration implements AutoCloseable {
    final EventHub hub;
    final FilterManager filters;
    final Subscriptions subscriptions;
    private final ScheduledExecutorService sweeper;

    private final Chain chain;

    Registration(
        Chain chain,
        EventHub hub,
        FilterManager filters,
        Subscriptions subscriptions,
        ScheduledExecutorService sweeper) {
      this.chain = chain;
      this.hub = hub;
      this.filters = filters;
      this.subscriptions = subscriptions;
      this.sweeper = sweeper;
    }

    @Override
    public void close() {
      if (sweeper != null) {
        sweeper.shutdownNow();
      }
      chain.removeListener(hub);
      hub.close();
    }
  }
}
