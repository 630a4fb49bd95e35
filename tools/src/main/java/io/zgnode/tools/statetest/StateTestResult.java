package io.zgnode.tools.statetest;

import io.zgnode.evm.types.Hash;

/**
 * The outcome of one state-test vector: one entry of one fork of one test.
 *
 * @param file the file, relative to the path given to the runner
 * @param name the test's name in the file
 * @param fork the fork name as the fixture spells it
 * @param index the entry's position in the fork's list
 * @param pass whether the state root and logs hash match (and the transaction was valid or not as
 *     expected)
 * @param reason why it failed; null when it passed
 * @param stateRoot the state root computed
 * @param gasUsed the gas the transaction used (0 when rejected)
 * @param timeNs with --bench: nanoseconds per execution of the transaction; else 0
 */
public record StateTestResult(
    String file,
    String name,
    String fork,
    int index,
    boolean pass,
    String reason,
    Hash stateRoot,
    long gasUsed,
    long timeNs) {

  /** "file:name/fork/index", unique within a run. */
  public String id() {
    return file + ":" + name + "/" + fork + "/" + index;
  }
}
