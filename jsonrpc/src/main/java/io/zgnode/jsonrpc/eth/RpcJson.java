package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.RpcException;
import java.math.BigInteger;

/**
 * Ethereum's JSON encodings: quantities as 0x-hex without leading zeros ("0x0" for zero), data as
 * 0x-hex of whole bytes. Parsing is as strict as geth's: a quantity with leading zeros, an
 * odd-length data string or a wrong-length address is an invalid-params error naming the argument.
 */
public final class RpcJson {
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RpcJson() {}

  public static TextNode quantity(long value) {
    return TextNode.valueOf("0x" + Long.toHexString(value));
  }

  public static TextNode quantity(BigInteger value) {
    return TextNode.valueOf("0x" + value.toString(16));
  }

  public static TextNode data(byte[] bytes) {
    return TextNode.valueOf(Hex.encode(bytes));
  }

  public static TextNode address(Address a) {
    return TextNode.valueOf(Hex.encode(a.bytesUnsafe()));
  }

  public static TextNode hash(Hash h) {
    return TextNode.valueOf(Hex.encode(h.bytesUnsafe()));
  }

  /** A quantity that must fit a non-negative long; also accepts a plain JSON integer. */
  public static long parseLong(JsonNode node, String what) throws RpcException {
    BigInteger v = parseBig(node, what);
    if (v.bitLength() > 63) {
      throw RpcException.invalidParams("invalid argument " + what + ": hex number > 64 bits");
    }
    return v.longValueExact();
  }

  /** A 0x-hex quantity up to 256 bits (a plain non-negative JSON integer is accepted too). */
  public static BigInteger parseBig(JsonNode node, String what) throws RpcException {
    if (node != null && node.isIntegralNumber() && node.bigIntegerValue().signum() >= 0) {
      return node.bigIntegerValue();
    }
    if (node == null || !node.isTextual()) {
      throw RpcException.invalidParams(
          "invalid argument "
              + what
              + ": json: cannot unmarshal non-string into Go value of type hexutil.Big");
    }
    String s = node.asText();
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw RpcException.invalidParams(
          "invalid argument " + what + ": hex string without 0x prefix");
    }
    String digits = s.substring(2);
    if (digits.isEmpty()) {
      throw RpcException.invalidParams("invalid argument " + what + ": hex string \"0x\"");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw RpcException.invalidParams(
          "invalid argument " + what + ": hex number with leading zero digits");
    }
    if (digits.length() > 64) {
      throw RpcException.invalidParams("invalid argument " + what + ": hex number > 256 bits");
    }
    try {
      return new BigInteger(digits, 16);
    } catch (NumberFormatException e) {
      throw RpcException.invalidParams("invalid argument " + what + ": invalid hex string");
    }
  }

  /** 0x-hex bytes of any length (even number of digits). */
  public static byte[] parseData(JsonNode node, String what) throws RpcException {
    if (node == null || !node.isTextual()) {
      throw RpcException.invalidParams(
          "invalid argument " + what + ": expected a 0x-prefixed hex string");
    }
    String s = node.asText();
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw RpcException.invalidParams(
          "invalid argument " + what + ": hex string without 0x prefix");
    }
    if ((s.length() & 1) != 0) {
      throw RpcException.invalidParams("invalid argument " + what + ": hex string of odd length");
    }
    try {
      return Hex.decode(s);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams("invalid argument " + what + ": invalid hex string");
    }
  }

  public static Address parseAddress(JsonNode node, String what) throws RpcException {
    return Address.wrap(parseFixed(node, what, Address.LENGTH, "common.Address"));
  }

  public static Hash parseHash(JsonNode node, String what) throws RpcException {
    return Hash.wrap(parseFixed(node, what, Hash.LENGTH, "common.Hash"));
  }

  /** 0x-hex data of exactly {@code length} bytes; geth's message names the Go type wanted. */
  private static byte[] parseFixed(JsonNode node, String what, int length, String goType)
      throws RpcException {
    byte[] b = parseData(node, what);
    if (b.length != length) {
      throw RpcException.invalidParams(
          "invalid argument "
              + what
              + ": hex string has length "
              + b.length * 2
              + ", want "
              + length * 2
              + " for "
              + goType);
    }
    return b;
  }

  /** A JSON boolean; anything else is an invalid-params error naming {@code what}. */
  public static boolean parseBoolean(JsonNode node, String what) throws RpcException {
    if (node == null || !node.isBoolean()) {
      throw cannotUnmarshal(node, what, "bool");
    }
    return node.booleanValue();
  }

  /** A quantity that must fit an int (a list index). */
  public static int parseIndex(JsonNode node, String what) throws RpcException {
    long v = parseLong(node, what);
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  /**
   * A storage slot as geth reads it: hex with or without 0x, any number of digits up to 64 (an odd
   * count gets a leading zero), left-padded to 32 bytes. So "0x0", "0x1" and a full 32-byte word
   * all work, as tools send each of them.
   */
  public static Hash parseStorageKey(JsonNode node, String what) throws RpcException {
    if (node == null || !node.isTextual()) {
      throw cannotUnmarshal(node, what, "string");
    }
    String s = node.asText();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    if (s.length() > 64) {
      throw RpcException.invalidParams(
          "invalid argument " + what + ": hex string too long, want at most 32 bytes");
    }
    byte[] b;
    try {
      b = Hex.decode(s);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams("invalid argument " + what + ": hex string invalid");
    }
    byte[] word = new byte[Hash.LENGTH];
    System.arraycopy(b, 0, word, Hash.LENGTH - b.length, b.length);
    return Hash.wrap(word);
  }

  /**
   * geth's error for a JSON value of the wrong type for argument {@code what}: {@code goType} is
   * the Go type it wanted.
   */
  public static RpcException cannotUnmarshal(JsonNode node, String what, String goType) {
    return RpcException.invalidParams(
        "invalid argument "
            + what
            + ": json: cannot unmarshal "
            + jsonType(node)
            + " into Go value of type "
            + goType);
  }

  /** How Go's JSON decoder names the type of a value it could not read (for error messages). */
  static String jsonType(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    if (node.isArray()) {
      return "array";
    }
    return "object";
  }
}
