package io.zgnode.state.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Nested checkpoints over a log of undo entries, shared by the world and module updaters. Entries
 * are recorded only while a checkpoint is open, so work outside any checkpoint costs nothing to
 * journal. Not thread-safe, like its owners.
 *
 * @param <E> what one undo entry holds; the owner knows how to apply it
 */
public final class Journal<E> {
  private final ArrayList<E> entries = new ArrayList<>();
  private int[] marks = new int[16];
  private int depth;

  /** Whether a checkpoint is open, i.e. whether changes must be recorded. */
  public boolean active() {
    return depth > 0;
  }

  /** Records an undo entry if a checkpoint is open. */
  public void record(E entry) {
    if (depth > 0) {
      entries.add(entry);
    }
  }

  /** Opens a checkpoint nested in the open ones and returns its id. */
  public int checkpoint() {
    if (depth == marks.length) {
      marks = Arrays.copyOf(marks, depth * 2);
    }
    marks[depth] = entries.size();
    return depth++;
  }

  /**
   * Applies, newest first, every entry recorded since checkpoint {@code id} and closes it with the
   * checkpoints opened inside it.
   *
   * @throws IllegalArgumentException when {@code id} is not an open checkpoint
   */
  public void revertTo(int id, Consumer<E> undo) {
    check(id);
    int mark = marks[id];
    for (int i = entries.size() - 1; i >= mark; i--) {
      undo.accept(entries.get(i));
    }
    entries.subList(mark, entries.size()).clear();
    depth = id;
    if (depth == 0) {
      entries.clear();
    }
  }

  /**
   * Closes checkpoint {@code id}, which must be the innermost open one, keeping its changes.
   *
   * @throws IllegalArgumentException when {@code id} is not the innermost open checkpoint
   */
  public void commit(int id) {
    check(id);
    if (id != depth - 1) {
      throw new IllegalArgumentException(
          "checkpoint " + id + " is not the innermost open checkpoint (" + (depth - 1) + ")");
    }
    depth--;
    if (depth == 0) {
      entries.clear();
    }
  }

  /** The number of open checkpoints. */
  public int depth() {
    return depth;
  }

  private void check(int id) {
    if (id < 0 || id >= depth) {
      throw new IllegalArgumentException(
          "checkpoint " + id + " is not open (open checkpoints: " + depth + ")");
    }
  }
}
