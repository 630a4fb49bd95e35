// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A counter that emits an event on every change; the integration tests deploy and call it.
contract Counter {
    event Incremented(address indexed by, uint256 newValue);

    error TooLarge(uint256 requested, uint256 limit);

    uint256 public count;

    function increment(uint256 by) external {
        if (by > 1000) revert TooLarge(by, 1000);
        require(by != 0, "zero increment");
        count += by;
        emit Incremented(msg.sender, count);
    }
}
