#!/usr/bin/env node
/**
 * `npm run compose` and `npm run check:supergraph`: writes each subgraph's SDL from its built code and composes the
 * supergraph from exactly that SDL (through gateway/scripts/compose.js, which composes from the committed schemas
 * alone). Lives with the launcher, the one workspace that depends on every subgraph. Run `npm run build` first.
 *
 *   node shared/launcher/scripts/compose.js           writes subgraphs/<name>/schema.graphql and gateway/supergraph.graphql
 *   node shared/launcher/scripts/compose.js --check   writes nothing; exits 1 naming every stale file, or on composition errors
 *   --allow-missing                                   compose only the subgraphs that are built (development while some
 *                                                     are unwritten); the supergraph is then partial, and says so
 *   --from-schemas                                    compose the supergraph from the committed subgraphs/<name>/schema.graphql
 *                                                     files alone: no build and no subgraph code (with --check: only the
 *                                                     supergraph is checked against them)
 */
'use strict';

// Subgraph classes carry decorators, whose metadata needs the polyfill loaded first.
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');
const gateway = require('@hub/gateway/scripts/compose.js');

const { ROOT, SUBGRAPHS, SUPERGRAPH, HEADER, ComposeError } = gateway;
const rel = (file) => path.relative(ROOT, file);

function loadKit() {
  try {
    return require('@hub/service-kit');
  } catch (err) {
    throw new ComposeError(`cannot load @hub/service-kit from shared/service-kit/dist (${err.message.split('\n')[0]}). Build the workspace first: npm run build`);
  }
}

/** Each built subgraph's SDL as its code produces it, and the names of those not built. */
async function builtSdls(allowMissing) {
  const kit = loadKit();
  const found = [];
  const missing = [];
  for (const sg of SUBGRAPHS) {
    const entry = path.join(ROOT, 'subgraphs', sg.name, 'dist', 'index.js');
    if (!fs.existsSync(entry)) {
      missing.push(sg.name);
      continue;
    }
    const definition = require(entry)[`${sg.name}Subgraph`];
    if (!definition || typeof definition.buildSchema !== 'function') {
      throw new ComposeError(`${rel(entry)} does not export ${sg.name}Subgraph with buildSchema()`);
    }
    const sdl = kit.subgraphSdl(await definition.buildSchema());
    found.push({ ...sg, sdl: `${HEADER}${sdl.trimEnd()}\n`, file: gateway.schemaFile(sg.name) });
  }
  if (missing.length && !allowMissing) {
    throw new ComposeError(`not built: ${missing.map((n) => `subgraphs/${n}/dist/index.js`).join(', ')}. Run npm run build (or pass --allow-missing to compose the others)`);
  }
  if (missing.length) process.stderr.write(`compose: WARNING composing without ${missing.join(', ')}: the supergraph is partial\n`);
  if (!found.length) throw new ComposeError('no subgraph is built');
  return { found, missing };
}

gateway.runCli(async () => {
  const args = new Set(process.argv.slice(2));
  for (const a of args) {
    if (!['--check', '--allow-missing', '--from-schemas'].includes(a)) throw new ComposeError(`unknown option ${a} (expected --check, --allow-missing, --from-schemas)`);
  }
  const fromSchemas = args.has('--from-schemas');
  if (fromSchemas && args.has('--allow-missing')) throw new ComposeError('--from-schemas composes every committed schema; --allow-missing does not apply');
  const { found, missing } = fromSchemas ? { found: gateway.committedSdls(), missing: [] } : await builtSdls(args.has('--allow-missing'));
  // The supergraph is composed from exactly the SDL written (or committed) for each subgraph.
  const outputs = [...(fromSchemas ? [] : found.map((s) => ({ file: s.file, text: s.sdl }))), { file: SUPERGRAPH, text: gateway.composeSupergraph(found, missing) }];
  gateway.writeOrCheck(outputs, args.has('--check'));
});
