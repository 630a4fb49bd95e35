package io.zgnode.jsonrpc.core;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The methods a server answers, by name. Filled at startup, read-only afterwards. */
public final class MethodRegistry {
  private final Map<String, RpcMethod> methods = new TreeMap<>();

  /** Adds {@code name}; a second registration of the same name is a programming error. */
  public synchronized MethodRegistry register(String name, RpcMethod method) {
    if (methods.putIfAbsent(name, method) != null) {
      throw new IllegalStateException("method registered twice: " + name);
    }
    return this;
  }

  public synchronized Optional<RpcMethod> find(String name) {
    return Optional.ofNullable(methods.get(name));
  }

  public synchronized Set<String> names() {
    return Set.copyOf(methods.keySet());
  }
}
