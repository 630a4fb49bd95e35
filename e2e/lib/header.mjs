// The block hash as Ethereum defines it: keccak256 of the RLP of the header fields, in their
// canonical order, each fork's additions appended when the block has them.
import { encodeRlp, keccak256, toBeArray } from 'ethers';

const quantity = (hex) => toBeArray(BigInt(hex));
const data = (hex) => hex;

const FIELDS = [
  ['parentHash', data],
  ['sha3Uncles', data],
  ['miner', data],
  ['stateRoot', data],
  ['transactionsRoot', data],
  ['receiptsRoot', data],
  ['logsBloom', data],
  ['difficulty', quantity],
  ['number', quantity],
  ['gasLimit', quantity],
  ['gasUsed', quantity],
  ['timestamp', quantity],
  ['extraData', data],
  ['mixHash', data],
  ['nonce', data],
];
const OPTIONAL = [
  ['baseFeePerGas', quantity], // London
  ['withdrawalsRoot', data], // Shanghai
  ['blobGasUsed', quantity], // Cancun
  ['excessBlobGas', quantity],
  ['parentBeaconBlockRoot', data],
  ['requestsHash', data], // Prague
];

/** keccak256(rlp(header)) computed from a JSON-RPC block object. */
export function headerHash(block) {
  const items = FIELDS.map(([name, enc]) => {
    if (block[name] === undefined || block[name] === null) {
      throw new Error(`block ${block.number} has no ${name}`);
    }
    return enc(block[name]);
  });
  // the optional fields form a prefix: a later fork's field implies every earlier one
  for (const [name, enc] of OPTIONAL) {
    if (block[name] === undefined || block[name] === null) break;
    items.push(enc(block[name]));
  }
  return keccak256(encodeRlp(items));
}
