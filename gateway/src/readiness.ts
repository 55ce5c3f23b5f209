import { Kind, parse, StringValueNode } from 'graphql';

/** One subgraph's state as `/readiness` reports it. */
export interface SubgraphReadiness {
  /** The subgraph's GraphQL URL (where the gateway routes to). */
  url: string;
  ready: boolean;
  /** HTTP status of the subgraph's own `/readiness`, when it answered. */
  status?: number;
  /** Why the probe failed, when it did (timeout, connection refused). */
  error?: string;
}

/** The gateway's `/readiness` body. */
export interface ReadinessReport {
  status: 'ready' | 'not ready';
  schemaLoaded: boolean;
  subgraphs: Record<string, SubgraphReadiness>;
}

/**
 * Reads the subgraphs and their routing URLs from a supergraph (`enum join__Graph` values carry
 * `@join__graph(name:, url:)`), applying overrides by name.
 * @param supergraphSdl - the composed supergraph
 * @param overrides - URLs by subgraph name; an unknown name is a configuration error
 * @returns URL by subgraph name
 * @example subgraphUrlsOf(sdl, { children: 'http://127.0.0.1:5555/graphql' })
 */
export function subgraphUrlsOf(supergraphSdl: string, overrides: Record<string, string> = {}): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const dir = value.directives?.find((d) => d.name.value === 'join__graph');
      const arg = (n: string) => (dir?.arguments?.find((a) => a.name.value === n)?.value as StringValueNode | undefined)?.value;
      const name = arg('name');
      if (name) urls[name] = arg('url') ?? '';
    }
  }
  for (const [name, url] of Object.entries(overrides)) {
    if (!(name in urls)) {
      throw new Error(`subgraph URL override for "${name}", which the supergraph does not contain (${Object.keys(urls).join(', ')})`);
    }
    urls[name] = url;
  }
  return urls;
}

async function probe(url: string, timeoutMs: number): Promise<SubgraphReadiness> {
  try {
    // Subgraphs serve /readiness at the origin of their /graphql URL (service-kit's subgraph server does).
    const res = await fetch(new URL('/readiness', url), { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return { url, ready: res.status === 200, status: res.status };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { url, ready: false, error: e.cause?.code ?? e.name ?? 'error' };
  }
}

/**
 * Probes every subgraph's `/readiness` in parallel.
 * @param urls - GraphQL URL by subgraph name
 * @param schemaLoaded - whether the gateway's schema is loaded
 * @param timeoutMs - per-probe timeout
 * @returns ready only when the schema is loaded and every subgraph answered 200
 */
export async function checkReadiness(
  urls: Record<string, string>,
  schemaLoaded: boolean,
  timeoutMs: number,
): Promise<ReadinessReport> {
  const names = Object.keys(urls);
  const results = await Promise.all(names.map((n) => probe(urls[n], timeoutMs)));
  const subgraphs = Object.fromEntries(names.map((n, i) => [n, results[i]]));
  const ready = schemaLoaded && results.every((r) => r.ready);
  return { status: ready ? 'ready' : 'not ready', schemaLoaded, subgraphs };
}
