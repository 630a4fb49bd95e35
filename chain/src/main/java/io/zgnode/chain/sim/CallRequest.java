package io.zgnode.chain.sim;

import io.zgnode.evm.tx.AccessListEntry;
import io.zgnode.evm.tx.Authorization;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.List;

/**
 * A call message to simulate: eth_call's transaction object, already parsed. Absent fields are null
 * and get geth's defaults: the zero address as sender, a creation when {@code to} is null, the gas
 * cap as gas, no fee (no base-fee check and no charge), zero value, empty data. The nonce is
 * ignored (the sender's current nonce is used), as geth's eth_call does.
 *
 * @param gas the gas limit (unsigned), or null
 * @param gasPrice the legacy price; excludes the two EIP-1559 caps
 * @param chainId if given, must be the chain's
 * @param authorizationList EIP-7702 tuples (empty or null: not a set-code call)
 */
public record CallRequest(
    Address from,
    Address to,
    Long gas,
    BigInteger gasPrice,
    BigInteger maxFeePerGas,
    BigInteger maxPriorityFeePerGas,
    BigInteger value,
    byte[] data,
    List<AccessListEntry> accessList,
    List<Authorization> authorizationList,
    BigInteger chainId) {

  public CallRequest {
    from = from == null ? Address.ZERO : from;
    value = value == null ? BigInteger.ZERO : value;
    data = data == null ? new byte[0] : data;
    accessList = accessList == null ? List.of() : List.copyOf(accessList);
    authorizationList = authorizationList == null ? List.of() : List.copyOf(authorizationList);
  }

  /** A plain call from {@code from} to {@code to} with {@code data} and every other default. */
  public static CallRequest of(Address from, Address to, byte[] data) {
    return new CallRequest(from, to, null, null, null, null, null, data, null, null, null);
  }

  /** This request with another gas limit. */
  public CallRequest withGas(Long newGas) {
    return new CallRequest(
        from,
        to,
        newGas,
        gasPrice,
        maxFeePerGas,
        maxPriorityFeePerGas,
        value,
        data,
        accessList,
        authorizationList,
        chainId);
  }

  /** This request with another access list. */
  public CallRequest withAccessList(List<AccessListEntry> list) {
    return new CallRequest(
        from,
        to,
        gas,
        gasPrice,
        maxFeePerGas,
        maxPriorityFeePerGas,
        value,
        data,
        list,
        authorizationList,
        chainId);
  }

  /** This request with another value. */
  public CallRequest withValue(BigInteger newValue) {
    return new CallRequest(
        from,
        to,
        gas,
        gasPrice,
        maxFeePerGas,
        maxPriorityFeePerGas,
        newValue,
        data,
        accessList,
        authorizationList,
        chainId);
  }
}
