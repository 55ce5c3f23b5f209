import { readFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

/** Where the page's files live, beside `src/` and `dist/` alike. */
export const PROVIDER_PAGE_DIR = path.resolve(__dirname, '..', 'public', 'provider');

/** Served paths and their files: a fixed list, so no request names a file. */
const FILES: Record<string, { file: string; type: string }> = {
  '/provider': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/provider/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/provider/provider.js': { file: 'provider.js', type: 'text/javascript; charset=utf-8' },
  '/provider/provider.css': { file: 'provider.css', type: 'text/css; charset=utf-8' },
};

/**
 * The page may load only its own script and style and call only this origin; its address may carry a token
 * (`?token=`), so it is never sent on as a referrer, and no other site may frame it.
 */
const HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/** A handler for the example provider front end's files. */
export type ProviderPage = (req: http.IncomingMessage, res: http.ServerResponse, path: string) => boolean;

/**
 * Loads the example provider front end (`public/provider`: one HTML page, its script and style, no build step) and
 * returns the handler that serves it at `/provider` on GET and HEAD. The files are read once, at start-up.
 * @param dir - the directory of the files
 * @returns the handler: true when it answered the request
 * @example const page = providerPage(); if (page(req, res, path)) return;
 */
export function providerPage(dir: string = PROVIDER_PAGE_DIR): ProviderPage {
  const bodies = new Map(Object.entries(FILES).map(([p, f]) => [p, { body: readFileSync(path.join(dir, f.file)), type: f.type }]));
  return (req, res, p) => {
    const found = bodies.get(p);
    if (!found) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('method not allowed');
      return true;
    }
    res.writeHead(200, { ...HEADERS, 'content-type': found.type, 'content-length': found.body.length });
    res.end(req.method === 'HEAD' ? undefined : found.body);
    return true;
  };
}
