// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Every way a call can fail, for the error-reporting tests: a require() with a reason string, a
/// custom error with arguments, and a panic (division by zero).
contract Reverter {
    error Failure(address caller, uint256 code, string why);

    uint256 public stored;

    function requireAbove(uint256 x) external pure returns (uint256) {
        require(x > 10, "x must be above 10");
        return x;
    }

    function fail(uint256 code) external view returns (uint256) {
        if (code != type(uint256).max) revert Failure(msg.sender, code, "custom");
        return code;
    }

    function divide(uint256 d) external pure returns (uint256) {
        return 100 / d;
    }

    function store(uint256 x) external {
        require(x != 13, "unlucky number");
        stored = x;
    }
}
