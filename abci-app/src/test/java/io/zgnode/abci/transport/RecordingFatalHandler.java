package io.zgnode.abci.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link FatalErrorHandler} for tests: remembers the calls instead of exiting the JVM. */
final class RecordingFatalHandler implements FatalErrorHandler {

  record Call(String method, Throwable cause) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public void onFatalError(String method, Throwable cause) {
    calls.add(new Call(method, cause));
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }
}
