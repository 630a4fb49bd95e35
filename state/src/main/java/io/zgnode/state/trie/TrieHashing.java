package io.zgnode.state.trie;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Parallel hashing of independent subtrees. Every node's hash depends only on its content, so the
 * result is the same whatever the scheduling; parallelism only changes when each memoised hash is
 * computed. A dedicated pool as wide as the machine is used because the common pool has one worker
 * fewer than there are cores, and its caller would only wait.
 */
final class TrieHashing {
  /** Below this many changes since the last hash, forking costs more than it saves. */
  static final int PARALLEL_THRESHOLD = 512;

  private static final ForkJoinPool POOL =
      new ForkJoinPool(
          Math.max(1, Runtime.getRuntime().availableProcessors()),
          pool -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("trie-hash-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
          },
          null,
          false);

  private TrieHashing() {}

  /** Runs {@code tasks} on the pool and waits; runs them inline when there is at most one. */
  static void runAll(List<Runnable> tasks) {
    if (tasks.isEmpty()) {
      return;
    }
    if (tasks.size() == 1 || POOL.getParallelism() == 1) {
      tasks.forEach(Runnable::run);
      return;
    }
    List<ForkJoinTask<?>> fj = new ArrayList<>(tasks.size());
    for (Runnable r : tasks) {
      fj.add(
          new RecursiveAction() {
            @Override
            protected void compute() {
              r.run();
            }
          });
    }
    if (ForkJoinTask.inForkJoinPool()) {
      ForkJoinTask.invokeAll(fj);
    } else {
      POOL.invoke(
          new RecursiveAction() {
            @Override
            protected void compute() {
              invokeAll(fj);
            }
          });
    }
  }

  /** Hashes the unhashed children of the topmost branch of {@code root} in parallel. */
  static void hashTopLevel(Node root) {
    Node top = root;
    if (top instanceof Node.Extension x && x.encoded == null) {
      top = x.child;
    }
    if (!(top instanceof Node.Branch b) || b.encoded != null) {
      return;
    }
    List<Runnable> tasks = new ArrayList<>(16);
    for (Node c : b.children) {
      if (c != null && !(c instanceof Node.Ref) && c.encoded == null) {
        tasks.add(() -> {
          if (NodeCodec.isHashed(c)) {
            NodeCodec.hash(c);
          }
        });
      }
    }
    runAll(tasks);
  }
}
