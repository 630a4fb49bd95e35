package io.zgnode.evm.frame;

/** Why a frame ended in an exceptional halt (all its gas consumed, its changes reverted). */
public enum HaltReason {
  OUT_OF_GAS("out of gas"),
  INVALID_OPCODE("invalid opcode"),
  /** The designated INVALID instruction (0xfe). */
  INVALID_INSTRUCTION("invalid instruction"),
  STACK_UNDERFLOW("stack underflow"),
  STACK_OVERFLOW("stack limit reached 1024"),
  INVALID_JUMP("invalid jump destination"),
  STATIC_CALL_VIOLATION("write protection"),
  RETURN_DATA_OUT_OF_BOUNDS("return data out of bounds"),
  INITCODE_SIZE_EXCEEDED("max initcode size exceeded"),
  CODE_SIZE_EXCEEDED("max code size exceeded"),
  /** EIP-3541: deployed code may not start with 0xEF. */
  INVALID_CODE("invalid code: must not begin with 0xef"),
  CODE_STORE_OUT_OF_GAS("contract creation code storage out of gas"),
  CONTRACT_ADDRESS_COLLISION("contract address collision"),
  PRECOMPILE_FAILURE("precompiled contract failed");

  private final String message;

  HaltReason(String message) {
    this.message = message;
  }

  /** A short description in the words geth uses, for traces. */
  public String message() {
    return message;
  }
}
