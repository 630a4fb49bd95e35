// Compiles every contracts/*.sol with the npm solc once and caches the result in
// build/contracts.json, so parallel test files share one compilation.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = path.join(ROOT, 'contracts');
const OUT = path.join(ROOT, 'build', 'contracts.json');

function sources() {
  return fs
    .readdirSync(SOURCES)
    .filter((f) => f.endsWith('.sol'))
    .sort()
    .map((f) => path.join(SOURCES, f));
}

function upToDate(files) {
  if (!fs.existsSync(OUT)) return false;
  const built = fs.statSync(OUT).mtimeMs;
  return files.every((f) => fs.statSync(f).mtimeMs <= built);
}

function compile(files) {
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(
      files.map((f) => [path.basename(f), { content: fs.readFileSync(f, 'utf8') }]),
    ),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (out.errors || []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    throw new Error('solc failed:\n' + errors.map((e) => e.formattedMessage).join('\n'));
  }
  const result = { _compiler: solc.version() };
  for (const contracts of Object.values(out.contracts)) {
    for (const [name, c] of Object.entries(contracts)) {
      result[name] = { abi: c.abi, bytecode: '0x' + c.evm.bytecode.object };
    }
  }
  return result;
}

/** {Name: {abi, bytecode}} for every contract under contracts/. */
export function contracts() {
  const files = sources();
  if (!upToDate(files)) {
    const result = compile(files);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    // several test processes may compile at once: write aside, then rename atomically
    const tmp = `${OUT}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(result));
    fs.renameSync(tmp, OUT);
    return result;
  }
  return JSON.parse(fs.readFileSync(OUT, 'utf8'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const c = contracts();
  console.log(
    `compiled ${Object.keys(c).filter((k) => !k.startsWith('_')).join(', ')} with solc ${c._compiler}`,
  );
}
