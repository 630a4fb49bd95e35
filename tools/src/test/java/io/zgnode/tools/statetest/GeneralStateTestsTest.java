package io.zgnode.tools.statetest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.fork.Fork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Cancun vector of ethereum/tests GeneralStateTests, one dynamic test per vector grouped by
 * file, so each failure is listed with its reason. No vector is skipped. The fixtures are read from
 * the shared folder ({@code zgnode.shared}, else {@code ../shared} beside the repository).
 */
class GeneralStateTestsTest {

  @TestFactory
  Stream<DynamicNode> cancunVectors() {
    Path root = SharedFolder.ethereumTests("GeneralStateTests");
    List<Path> files = StateTestRunner.files(root);
    assertFalse(files.isEmpty(), "no state tests under " + root);
    StateTestRunner runner = new StateTestRunner(Fork.CANCUN, false, null);
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path file : files) {
      String name = root.relativize(file).toString();
      List<DynamicNode> tests = new ArrayList<>();
      for (StateTestRunner.Vector v : runner.vectors(file, name)) {
        tests.add(
            DynamicTest.dynamicTest(
                v.id(),
                () -> {
                  StateTestResult r = v.run();
                  assertTrue(r.pass(), r.id() + ": " + r.reason());
                }));
      }
      if (!tests.isEmpty()) {
        nodes.add(DynamicContainer.dynamicContainer(name, tests));
      }
    }
    return nodes.stream();
  }

  /** The London benchmark programs of ipsilon/evm-benchmarks must pass as state tests too. */
  @TestFactory
  Stream<DynamicNode> benchmarkPrograms() {
    Path root = SharedFolder.shared().resolve("evm-benchmarks");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("evm-benchmarks not found at " + root);
    }
    StateTestRunner runner = new StateTestRunner(Fork.LONDON, false, null);
    List<DynamicNode> tests = new ArrayList<>();
    for (Path file : StateTestRunner.files(root)) {
      for (StateTestRunner.Vector v : runner.vectors(file, root.relativize(file).toString())) {
        tests.add(
            DynamicTest.dynamicTest(
                v.id(),
                () -> {
                  StateTestResult r = v.run();
                  assertTrue(r.pass(), r.id() + ": " + r.reason());
                }));
      }
    }
    assertFalse(tests.isEmpty(), "no benchmark vectors under " + root);
    return tests.stream().<DynamicNode>map(t -> t);
  }
}
