package io.zgnode.tools.testnet;

import io.zgnode.tools.CliException;
import io.zgnode.tools.home.ListenAddress;
import io.zgnode.tools.home.Ports;

/**
 * Where the nodes of a local network live: node {@code i} in {@code node<i>}, on each default port
 * plus {@code portOffset + 100 * i} (the outside contract's rule, with an offset so tests and a
 * second network can avoid the defaults).
 *
 * @param validators the number of nodes, each a validator
 * @param portOffset added to every port of every node (0 for the documented layout)
 */
public record TestnetLayout(int validators, int portOffset) {
  /** The distance between two nodes' ports. */
  public static final int PORT_STEP = 100;

  /** More nodes than a laptop runs; also keeps node i's ports far below 65535. */
  public static final int MAX_VALIDATORS = 64;

  public TestnetLayout {
    if (validators < 1 || validators > MAX_VALIDATORS) {
      throw new CliException(
          "--validators must be between 1 and " + MAX_VALIDATORS + ", got " + validators);
    }
    int lowest = Math.min(Ports.DEFAULTS.jsonRpc(), Ports.DEFAULTS.ws()) + portOffset;
    int highest = Ports.COMET_PROMETHEUS + portOffset + PORT_STEP * (validators - 1);
    if (lowest < 1024 || highest > 65535) {
      throw new CliException(
          "--base-port-offset "
              + portOffset
              + " puts the ports of "
              + validators
              + " nodes at "
              + lowest
              + ".."
              + highest
              + "; they must stay within 1024..65535");
    }
  }

  /** The ports of node {@code i}. */
  public Ports ports(int i) {
    int shift = shift(i);
    Ports d = Ports.DEFAULTS;
    return new Ports(
        d.rpc() + shift, d.p2p() + shift, d.abci() + shift, d.jsonRpc() + shift, d.ws() + shift);
  }

  /** Where node {@code i}'s CometBFT would serve Prometheus metrics if an operator enables them. */
  public int prometheusPort(int i) {
    return Ports.COMET_PROMETHEUS + shift(i);
  }

  public String moniker(int i) {
    return "node" + checkIndex(i);
  }

  /** Node {@code i}'s home, relative to the network's directory. */
  public String homeName(int i) {
    return moniker(i);
  }

  /** {@code node_id@127.0.0.1:p2p} of node {@code i}, a persistent_peers entry. */
  public String peerAddress(int i, String nodeId) {
    return nodeId + "@" + ListenAddress.loopback(ports(i).p2p());
  }

  private int shift(int i) {
    return portOffset + PORT_STEP * checkIndex(i);
  }

  private int checkIndex(int i) {
    if (i < 0 || i >= validators) {
      throw new IllegalArgumentException(
          "node index " + i + " outside 0.." + (validators - 1) + " of this testnet");
    }
    return i;
  }
}
