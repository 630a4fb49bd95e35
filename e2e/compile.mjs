// Compiles one Solidity file with the npm solc (default EVM version) and prints, as one JSON
// object, each contract's ABI and creation bytecode: {"Name": {"abi": [...], "bytecode": "0x..."}}.
import fs from 'node:fs';
import path from 'node:path';
import solc from 'solc';

const file = process.argv[2];
if (!file) {
  console.error('usage: node compile.mjs FILE.sol');
  process.exit(2);
}
const input = {
  language: 'Solidity',
  sources: { [path.basename(file)]: { content: fs.readFileSync(file, 'utf8') } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (out.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  console.error(errors.map((e) => e.formattedMessage).join('\n'));
  process.exit(1);
}
const result = {};
for (const contracts of Object.values(out.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    result[name] = { abi: c.abi, bytecode: '0x' + c.evm.bytecode.object };
  }
}
result._compiler = solc.version();
console.log(JSON.stringify(result));
