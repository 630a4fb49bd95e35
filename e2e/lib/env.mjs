// What every end-to-end test needs: where the node is, the funded development accounts, ethers and
// viem clients over HTTP and WebSocket, raw JSON-RPC, and polling with a deadline.
//
// Configuration (environment):
//   ZGNODE_RPC_HTTP      JSON-RPC over HTTP (default http://127.0.0.1:8545)
//   ZGNODE_RPC_WS        JSON-RPC over WebSocket (default ws://127.0.0.1:8546)
//   ZGNODE_DEV_MNEMONIC  the mnemonic of the funded accounts, m/44'/60'/0'/0/i (default: the
//                        "test test ... junk" mnemonic the devnet funds ten accounts from)
import { HDNodeWallet, JsonRpcProvider, WebSocketProvider } from 'ethers';
import { createPublicClient, createWalletClient, defineChain, http, webSocket } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';

export const HTTP_URL = process.env.ZGNODE_RPC_HTTP || 'http://127.0.0.1:8545';
export const WS_URL = process.env.ZGNODE_RPC_WS || 'ws://127.0.0.1:8546';
export const MNEMONIC =
  process.env.ZGNODE_DEV_MNEMONIC || 'test test test test test test test test test test test junk';

export const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11';
export const CREATE2_DEPLOYER = '0x4e59b44847b379578588920cA78FbF26c0B4956C';

/** Poll interval for clients: blocks come every few hundred milliseconds on a test devnet. */
export const POLL_MS = 100;

/**
 * Each test file signs with its own development account, so files can run in parallel without
 * racing for nonces. Inside a file the tests share that account, so every suite runs its tests one
 * at a time ({ concurrency: false }: under --test-concurrency, subtests otherwise inherit it).
 */
export const ACCOUNT = Object.freeze({
  erc20: 1,
  errors: 2,
  noncesEthers: 3,
  noncesViem: 4,
  pending: 5,
  blocks: 6,
  predeploys: 7,
  websocket: 8,
  estimate: 9,
});

export function devPath(i) {
  return `m/44'/60'/0'/0/${i}`;
}

let nextId = 1;

/** One raw JSON-RPC call over HTTP; returns the whole response object ({result} or {error}). */
export async function rpcRaw(method, params = []) {
  const res = await fetch(HTTP_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
  });
  if (!res.ok) throw new Error(`${method}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** A raw JSON-RPC call that must succeed; returns its result. */
export async function rpc(method, params = []) {
  const r = await rpcRaw(method, params);
  if (r.error) throw new Error(`${method} ${JSON.stringify(params)}: ${JSON.stringify(r.error)}`);
  return r.result;
}

/** Sends a JSON array of requests in one HTTP body; returns the parsed array. */
export async function rpcBatch(requests) {
  const body = requests.map((r, i) => ({ jsonrpc: '2.0', id: i + 1, ...r }));
  const res = await fetch(HTTP_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`batch: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

export async function blockNumber() {
  return Number(BigInt(await rpc('eth_blockNumber')));
}

/** Polls {@code check} (sync or async) until it returns a truthy value, or fails after timeoutMs. */
export async function waitFor(check, what, timeoutMs = 30_000, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Rejects if {@code promise} does not settle within ms. */
export function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function waitForHeight(height, timeoutMs = 60_000) {
  return waitFor(async () => (await blockNumber()) >= height, `block ${height}`, timeoutMs, 100);
}

// ---------- ethers ----------

export function ethersHttp() {
  // ethers answers identical requests from a 250 ms cache by default, so a wallet sending twice
  // within 250 ms reuses a stale "pending" nonce whatever the node says; ask the node every time
  const provider = new JsonRpcProvider(HTTP_URL, undefined, { cacheTimeout: -1 });
  provider.pollingInterval = POLL_MS;
  let inFlight = 0;
  provider.on('debug', (d) => {
    if (d.action === 'sendRpcPayload') inFlight++;
    if (d.action === 'receiveRpcResult' || d.action === 'receiveRpcError') inFlight--;
  });
  inFlightOf.set(provider, () => inFlight);
  return provider;
}

const inFlightOf = new WeakMap();

/**
 * Stops an ethers provider's listeners, lets its requests finish, then destroys it. ethers 6.17
 * re-arms a contract event poller whose request destroy() cancels, and the re-armed poller's
 * timer keeps the process alive; destroying an idle provider avoids that.
 */
export async function closeEthers(provider) {
  const inFlight = inFlightOf.get(provider) ?? (() => 0);
  await provider.removeAllListeners();
  let quietSince = null;
  try {
    await waitFor(
      () => {
        if (inFlight() > 0) {
          quietSince = null;
          return false;
        }
        quietSince ??= Date.now();
        // longer than ethers' 10 ms batch stall, so nothing is queued either
        return Date.now() - quietSince >= 60;
      },
      'the ethers provider to go idle',
      30_000,
      10,
    );
  } catch (e) {
    // Cleanup only: the tests have made their assertions. A request still in flight on a loaded
    // machine must not fail them; --test-force-exit ends any timer ethers re-arms.
    console.warn(`closeEthers: ${e.message}; destroying the provider anyway`);
  }
  provider.destroy();
}

export function ethersWs() {
  return new WebSocketProvider(WS_URL);
}

/** The funded development wallet {@code i}, connected to {@code provider}. */
export function ethersWallet(i, provider) {
  return HDNodeWallet.fromPhrase(MNEMONIC, undefined, devPath(i)).connect(provider);
}

// ---------- viem ----------

let chainPromise;

/** The chain as viem wants it, with the id the node reports and Multicall3 where it sits. */
export function viemChain() {
  chainPromise ??= rpc('eth_chainId').then((id) =>
    defineChain({
      id: Number(BigInt(id)),
      name: 'zgnode',
      nativeCurrency: { name: 'Zero Gravity', symbol: 'A0GI', decimals: 18 },
      rpcUrls: { default: { http: [HTTP_URL], webSocket: [WS_URL] } },
      contracts: { multicall3: { address: MULTICALL3 } },
    }),
  );
  return chainPromise;
}

function viemTransport(kind) {
  if (kind === 'ws') return webSocket(WS_URL, { retryCount: 0 });
  if (kind === 'http') return http(HTTP_URL, { retryCount: 0 });
  throw new Error(`unknown transport ${kind}`);
}

export async function viemPublic(kind = 'http') {
  return createPublicClient({
    chain: await viemChain(),
    transport: viemTransport(kind),
    pollingInterval: POLL_MS,
  });
}

export function viemAccount(i) {
  return mnemonicToAccount(MNEMONIC, { path: devPath(i) });
}

export async function viemWallet(i, kind = 'http') {
  return createWalletClient({
    account: viemAccount(i),
    chain: await viemChain(),
    transport: viemTransport(kind),
    pollingInterval: POLL_MS,
  });
}

/** Closes a viem client's WebSocket (viem keeps sockets open in a shared cache otherwise). */
export async function closeViem(client) {
  const t = client?.transport;
  if (t && typeof t.getRpcClient === 'function') {
    const socket = await t.getRpcClient();
    socket.close();
  }
}
