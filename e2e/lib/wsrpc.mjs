// A bare JSON-RPC WebSocket client (the ws package), for what the libraries hide: subscription
// ids, eth_unsubscribe, the raw notification shape.
import WebSocket from 'ws';
import { within } from './env.mjs';

export class WsRpc {
  #ws;
  #nextId = 1;
  #waiting = new Map();
  #subscriptions = new Map();

  static async open(url) {
    const ws = new WebSocket(url);
    await within(
      new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      }),
      10_000,
      `connect to ${url}`,
    );
    return new WsRpc(ws);
  }

  constructor(ws) {
    this.#ws = ws;
    ws.on('message', (buf) => {
      const msg = JSON.parse(buf.toString());
      if (msg.method === 'eth_subscription') {
        this.#subscriptions.get(msg.params.subscription)?.push(msg.params.result);
      } else if (this.#waiting.has(msg.id)) {
        this.#waiting.get(msg.id)(msg);
        this.#waiting.delete(msg.id);
      }
    });
  }

  /** Sends a request; resolves with the whole response ({result} or {error}). */
  request(method, params = []) {
    const id = this.#nextId++;
    const answer = new Promise((resolve) => this.#waiting.set(id, resolve));
    this.#ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return within(answer, 10_000, method);
  }

  /** eth_subscribe; returns {id, events} where events fills with each notification's result. */
  async subscribe(...params) {
    const r = await this.request('eth_subscribe', params);
    if (r.error) throw new Error(`eth_subscribe ${JSON.stringify(params)}: ${JSON.stringify(r.error)}`);
    const events = [];
    this.#subscriptions.set(r.result, events);
    return { id: r.result, events };
  }

  close() {
    this.#ws.close();
  }
}
