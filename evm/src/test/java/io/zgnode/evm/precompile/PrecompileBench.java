package io.zgnode.evm.precompile;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.types.Address;
import java.util.List;
import java.util.Map;

/**
 * Measures each precompile's speed on its published vectors, as microseconds per call and million
 * gas per second (the price the protocol charges against the time it takes). Not a test: run it by
 * hand after {@code ./mvnw -pl evm install}, with the test classpath, e.g. {@code java -cp
 * evm/target/classes:evm/target/test-classes:<dependency jars>
 * io.zgnode.evm.precompile.PrecompileBench 2} (seconds per precompile).
 */
public final class PrecompileBench {
  private PrecompileBench() {}

  public static void main(String[] args) {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 2;
    Map<Address, Precompile> osaka = PrecompileRegistry.forFork(Fork.OSAKA);
    bench("ecrecover", osaka.get(Address.fromLong(1)), "ecRecover.json", seconds);
    bench("modexp (osaka)", osaka.get(Address.fromLong(5)), "modexp_eip7883.json", seconds);
    bench("blake2f", osaka.get(Address.fromLong(9)), "blake2F.json", seconds);
    bench("point evaluation", osaka.get(Address.fromLong(0x0a)), "pointEvaluation.json", seconds);
    bench("bls g1 add", osaka.get(Address.fromLong(0x0b)), "eip2537/add_G1_bls.json", seconds);
    bench("bls g1 msm", osaka.get(Address.fromLong(0x0c)), "eip2537/msm_G1_bls.json", seconds);
    bench("bls g2 add", osaka.get(Address.fromLong(0x0d)), "eip2537/add_G2_bls.json", seconds);
    bench("bls g2 msm", osaka.get(Address.fromLong(0x0e)), "eip2537/msm_G2_bls.json", seconds);
    bench(
        "bls pairing",
        osaka.get(Address.fromLong(0x0f)),
        "eip2537/pairing_check_bls.json",
        seconds);
    bench(
        "bls map fp", osaka.get(Address.fromLong(0x10)), "eip2537/map_fp_to_G1_bls.json", seconds);
    bench(
        "bls map fp2",
        osaka.get(Address.fromLong(0x11)),
        "eip2537/map_fp2_to_G2_bls.json",
        seconds);
    bench("p256verify", osaka.get(Address.fromLong(0x100)), "p256Verify_geth.json", seconds);
  }

  private static void bench(String label, Precompile precompile, String file, long seconds) {
    List<PrecompileVectors.Success> vectors = PrecompileVectors.successes(file);
    run(precompile, vectors, 1); // warm-up
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    long calls = 0;
    long gas = 0;
    while (System.nanoTime() < deadline) {
      for (PrecompileVectors.Success v : vectors) {
        gas += precompile.gasCost(v.input());
        precompile.execute(v.input());
        calls++;
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%-18s %8.1f us/call %8.1f Mgas/s (%d calls)%n",
        label, elapsed * 1e6 / calls, gas / elapsed / 1e6, calls);
  }

  private static void run(Precompile precompile, List<PrecompileVectors.Success> vectors, long s) {
    long deadline = System.nanoTime() + s * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (PrecompileVectors.Success v : vectors) {
        precompile.execute(v.input());
      }
    }
  }
}
