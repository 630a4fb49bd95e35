package io.zgnode.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.precompile.bls12381.Bls12G1Add;
import io.zgnode.evm.precompile.bls12381.Bls12MapFp2ToG2;
import io.zgnode.evm.precompile.bn254.Bn254Add;
import io.zgnode.evm.precompile.bn254.Bn254Mul;
import io.zgnode.evm.precompile.bn254.Bn254Pairing;
import io.zgnode.evm.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrecompileRegistryTest {

  private static List<Long> addresses(Fork fork) {
    List<Long> out = new ArrayList<>();
    for (Address a : PrecompileRegistry.forFork(fork).keySet()) {
      out.add(new java.math.BigInteger(1, a.bytesUnsafe()).longValueExact());
    }
    return out;
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }

  @Test
  void addressesPerFork() {
    for (Fork fork : List.of(Fork.LONDON, Fork.PARIS, Fork.SHANGHAI)) {
      assertEquals(range(1, 9), addresses(fork), fork.toString());
    }
    assertEquals(range(1, 10), addresses(Fork.CANCUN));
    assertEquals(range(1, 17), addresses(Fork.PRAGUE));
    List<Long> osaka = range(1, 17);
    osaka.add(0x100L);
    assertEquals(osaka, addresses(Fork.OSAKA));
  }

  @Test
  void implementations() {
    Map<Address, Precompile> prague = PrecompileRegistry.forFork(Fork.PRAGUE);
    assertInstanceOf(EcRecover.class, prague.get(Address.fromLong(1)));
    assertInstanceOf(Bn254Add.class, prague.get(Address.fromLong(6)));
    assertInstanceOf(Bn254Mul.class, prague.get(Address.fromLong(7)));
    assertInstanceOf(Bn254Pairing.class, prague.get(Address.fromLong(8)));
    assertInstanceOf(Blake2F.class, prague.get(Address.fromLong(9)));
    assertInstanceOf(PointEvaluation.class, prague.get(Address.fromLong(10)));
    assertInstanceOf(Bls12G1Add.class, prague.get(Address.fromLong(0x0b)));
    assertInstanceOf(Bls12MapFp2ToG2.class, prague.get(Address.fromLong(0x11)));
    assertInstanceOf(
        P256Verify.class, PrecompileRegistry.forFork(Fork.OSAKA).get(Address.fromLong(0x100)));
  }

  @Test
  void modExpRulesChangeAtOsaka() {
    Address modexp = Address.fromLong(5);
    for (Fork fork : Fork.values()) {
      Precompile expected = fork.isAtLeast(Fork.OSAKA) ? ModExp.osaka() : ModExp.berlin();
      assertSame(expected, PrecompileRegistry.forFork(fork).get(modexp), fork.toString());
    }
  }

  @Test
  void mapsAreCachedAndImmutable() {
    assertSame(PrecompileRegistry.forFork(Fork.CANCUN), PrecompileRegistry.forFork(Fork.CANCUN));
    Map<Address, Precompile> london = PrecompileRegistry.forFork(Fork.LONDON);
    assertThrows(
        UnsupportedOperationException.class,
        () -> london.put(Address.fromLong(0x42), new Identity()));
    assertThrows(IllegalArgumentException.class, () -> PrecompileRegistry.forFork(null));
  }
}
