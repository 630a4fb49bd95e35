package io.zgnode.tools.bench;

import java.util.Collection;

/** Sorted samples (nanoseconds) of a benchmark run, for its median and 99th percentile. */
record Percentiles(long[] sorted) {

  static Percentiles of(Collection<Long> samples) {
    return new Percentiles(samples.stream().mapToLong(Long::longValue).sorted().toArray());
  }

  int count() {
    return sorted.length;
  }

  long median() {
    return sorted[sorted.length / 2];
  }

  long p99() {
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))];
  }
}
