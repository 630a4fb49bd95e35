package io.zgnode.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The go-ethereum precompile vectors
 * (core/vm/testdata/precompiles/bn256{Add,ScalarMul,Pairing}.json, stored as test resources):
 * output and gas for every entry.
 */
class Bn254PrecompileVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Vector(String file, String name, byte[] input, byte[] expected, long gas) {
    @Override
    public String toString() {
      return file + ":" + name;
    }
  }

  static List<Vector> load(String file) {
    try (InputStream in =
        Bn254PrecompileVectorsTest.class.getResourceAsStream("/precompiles/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /precompiles/" + file);
      }
      List<Vector> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(in)) {
        out.add(
            new Vector(
                file,
                n.get("Name").asText(),
                Hex.decode(n.get("Input").asText()),
                Hex.decode(n.get("Expected").asText()),
                n.get("Gas").asLong()));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /precompiles/" + file, e);
    }
  }

  static Stream<Arguments> vectors() {
    List<Arguments> all = new ArrayList<>();
    for (Vector v : load("bn256Add.json")) {
      all.add(Arguments.of(new Bn254Add(), v));
    }
    for (Vector v : load("bn256ScalarMul.json")) {
      all.add(Arguments.of(new Bn254Mul(), v));
    }
    for (Vector v : load("bn256Pairing.json")) {
      all.add(Arguments.of(new Bn254Pairing(), v));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("vectors")
  void matchesGoEthereum(Precompile precompile, Vector v) {
    assertEquals(v.gas(), precompile.gasCost(v.input()), "gas");
    PrecompileResult result = precompile.execute(v.input());
    assertTrue(result.success(), "should succeed");
    assertEquals(Hex.encode(v.expected()), Hex.encode(result.output()));
  }

  @Test
  void everyVectorIsCounted() {
    assertEquals(16, load("bn256Add.json").size());
    assertEquals(18, load("bn256ScalarMul.json").size());
    assertEquals(14, load("bn256Pairing.json").size());
  }
}
