package io.zgnode.state.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
  @Test
  void staysWithinItsBound() {
    BoundedCache<Integer, String> c = new BoundedCache<>(16 * 10, (k, v) -> v.length());
    for (int i = 0; i < 10_000; i++) {
      c.put(i, "x".repeat(1 + i % 3));
      assertTrue(c.weight() <= 160, "weight " + c.weight());
    }
    assertTrue(c.size() > 0);
  }

  @Test
  void entriesInUseSurviveEviction() {
    BoundedCache<Integer, Integer> c = new BoundedCache<>(16 * 8, (k, v) -> 1);
    c.put(-1, -1);
    for (int i = 0; i < 5_000; i++) {
      c.put(i, i);
      assertEquals(-1, c.get(-1), "the hot entry is still there after " + i + " inserts");
    }
    assertNull(c.get(0), "cold entries were evicted");
  }

  @Test
  void putIfReplaceRemoveClear() {
    BoundedCache<String, String> c = new BoundedCache<>(1 << 20, (k, v) -> 1);
    assertFalse(c.putIf("a", "1", () -> false));
    assertNull(c.get("a"));
    assertTrue(c.putIf("a", "1", () -> true));
    c.put("a", "2");
    assertEquals("2", c.get("a"));
    assertEquals(1, c.size());
    assertEquals(1, c.weight());
    c.put("b", "3");
    c.removeIf((k, v) -> k.equals("a"));
    assertNull(c.get("a"));
    assertEquals("3", c.get("b"));
    c.remove("b");
    assertEquals(0, c.size());
    c.put("c", "4");
    c.clear();
    assertEquals(0, c.size());
    assertEquals(0, c.weight());
  }

  @Test
  void concurrentUseKeepsTheBound() throws Exception {
    BoundedCache<Integer, Integer> c = new BoundedCache<>(16 * 50, (k, v) -> 1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        fs.add(
            pool.submit(() -> {
              for (int i = 0; i < 50_000; i++) {
                int k = (i * 31 + seed) % 3000;
                Integer v = c.get(k);
                if (v != null) {
                  assertEquals(k, v.intValue());
                } else {
                  c.put(k, k);
                }
              }
            }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(c.weight() <= 800);
    assertEquals(c.weight(), c.size());
  }
}
