import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A GraphQL POST to the gateway. */
export type GatewayPost = (query: string, variables: Record<string, unknown>) => Promise<{ data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;

/**
 * A GraphQL POST to a gateway URL with a bearer token.
 * @param url - the gateway's /graphql URL
 * @param token - the bearer token (an LA_SYSTEM or manager token of the authority)
 * @returns the poster
 */
export function gatewayPost(url: string, token: string): GatewayPost {
  return async (query, variables) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`the gateway answered ${res.status}: ${text.slice(0, 200)}`);
    }
  };
}

/**
 * Throws with every error's message and code.
 * @param r - a GraphQL result
 * @returns its data
 */
export function dataOf<T = any>(r: Awaited<ReturnType<GatewayPost>>): T {
  if (r.errors?.length) throw new Error(r.errors.map((e) => `${e.message} (${String(e.extensions?.code ?? '')}${e.extensions?.reason ? ' ' + String(e.extensions.reason) : ''})`).join('; '));
  return r.data as T;
}

export const RETURN_QUERY = `query Ssda903Export($a: String!, $y: String!) {
  ssda903Return(authority: $a, collectionYear: $y) {
    tables { name fileName columns csv rows }
    omitted { table fileName reason }
    issues { childId caseReference name issues { code table field message } }
  }
}`;

/** What an export wrote. */
export interface ExportResult {
  files: Array<{ fileName: string; rows: number }>;
  omitted: Array<{ table: string; fileName: string; reason: string }>;
  issues: Array<{ childId: string; caseReference: string | null; name: string; issues: Array<{ code: string; table: string; field: string; message: string }> }>;
}

/**
 * Exports an authority's return for a collection year through the gateway: one CSV file per table the hub fills
 * (header.csv, episodes.csv, reviews.csv, missing.csv, oc3.csv), named and laid out as the DfE asks.
 * @param post - a GraphQL POST to the gateway
 * @param authority - the authority code
 * @param year - the collection year, e.g. 2025-26
 * @param outDir - the folder to write to (created when missing)
 * @returns the files written, the tables left out and why, and the issues that would fail the return
 */
export async function exportReturn(post: GatewayPost, authority: string, year: string, outDir: string): Promise<ExportResult> {
  const ret = dataOf(await post(RETURN_QUERY, { a: authority, y: year })).ssda903Return;
  await mkdir(outDir, { recursive: true });
  const files: ExportResult['files'] = [];
  for (const t of ret.tables as Array<{ fileName: string; csv: string; rows: unknown[] }>) {
    await writeFile(join(outDir, t.fileName), t.csv, 'utf8');
    files.push({ fileName: t.fileName, rows: t.rows.length });
  }
  return { files, omitted: ret.omitted, issues: ret.issues };
}
