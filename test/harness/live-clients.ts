/**
 * Clients of the gateway's live changes for tests: graphql-ws over WebSocket and the GraphQL over SSE protocol
 * (distinct connections), each collecting what arrives so a test can wait for a condition, never for a time.
 */
import WebSocket from 'ws';
import { createClient, Client } from 'graphql-ws';

/** What one subscription received. */
export interface Received<T = any> {
  data: T[];
  errors: unknown[];
  done: boolean;
  /** The close code, when the socket closed. */
  closeCode?: number;
  /** Resolves when `probe` holds for what was received (checked on every arrival). */
  until(probe: (r: Received<T>) => boolean, timeoutMs?: number): Promise<void>;
  stop(): void;
}

function collector<T>(stop: () => void): Received<T> & { notify(): void } {
  const waiters: Array<{ probe: (r: Received<T>) => boolean; resolve(): void }> = [];
  const r: Received<T> & { notify(): void } = {
    data: [], errors: [], done: false, stop,
    notify() {
      for (const w of [...waiters]) if (w.probe(r)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    },
    until(probe, timeoutMs = 15_000) {
      if (probe(r)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not received in time; got ${JSON.stringify({ data: r.data, errors: r.errors, done: r.done, closeCode: r.closeCode })}`)), timeoutMs);
        waiters.push({ probe, resolve: () => { clearTimeout(timer); resolve(); } });
      });
    },
  };
  return r;
}

/**
 * A graphql-ws client of the gateway.
 * @param httpUrl - the gateway's /graphql URL
 * @param authorization - `Bearer …`
 * @returns the client, and the close codes it saw
 */
export function wsClient(httpUrl: string, authorization: string): Client & { closeCodes: number[] } {
  const closeCodes: number[] = [];
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    retryAttempts: 0,
    lazy: true,
    on: { closed: (e) => closeCodes.push((e as { code: number }).code) },
  });
  return Object.assign(client, { closeCodes });
}

/**
 * Subscribes over graphql-ws.
 * @param client - the client
 * @param query - the subscription
 * @param variables - its variables
 * @returns what arrives
 */
export function subscribeWs<T = any>(client: Client & { closeCodes: number[] }, query: string, variables: Record<string, unknown> = {}): Received<T> {
  let dispose = () => undefined as void;
  const r = collector<T>(() => dispose());
  dispose = client.subscribe<T>({ query, variables }, {
    next: (v) => {
      if (v.errors) r.errors.push(...v.errors);
      if (v.data) r.data.push(v.data as T);
      r.notify();
    },
    error: (e) => {
      r.errors.push(e);
      const code = (e as { code?: number }).code;
      if (typeof code === 'number') r.closeCode = code;
      r.done = true;
      r.notify();
    },
    complete: () => {
      r.done = true;
      r.notify();
    },
  });
  return r;
}

/**
 * Subscribes over the GraphQL over SSE protocol (distinct connections mode), the caller's token in the header.
 * @param httpUrl - the gateway's /graphql URL
 * @param authorization - `Bearer …`
 * @param query - the subscription
 * @param variables - its variables
 * @returns what arrives
 */
export function subscribeSse<T = any>(httpUrl: string, authorization: string, query: string, variables: Record<string, unknown> = {}): Received<T> & { opened: Promise<void> } {
  const abort = new AbortController();
  const r = collector<T>(() => abort.abort());
  let opened!: () => void;
  const openedP = new Promise<void>((res) => (opened = res));
  void (async () => {
    try {
      const res = await fetch(httpUrl, {
        method: 'POST',
        headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query, variables }),
        signal: abort.signal,
      });
      opened();
      if (!res.body) throw new Error(`no stream (${res.status})`);
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const event = /^event: ?(.*)$/m.exec(block)?.[1];
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (event === 'complete') r.done = true;
          else if (data) {
            const payload = JSON.parse(data);
            if (payload.errors) r.errors.push(...payload.errors);
            if (payload.data) r.data.push(payload.data);
          }
          r.notify();
        }
      }
    } catch (err) {
      if (!abort.signal.aborted) r.errors.push(err);
      opened();
    }
    r.done = true;
    r.notify();
  })();
  return Object.assign(r, { opened: openedP });
}
