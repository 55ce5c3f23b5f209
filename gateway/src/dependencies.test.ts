import fs from 'node:fs';
import path from 'node:path';

const GATEWAY = path.resolve(__dirname, '..');
/** What the gateway must never depend on: the subgraphs, and the launcher that depends on them. */
const FORBIDDEN = /^@hub\/(children|plans|reviews|notifications|launcher)(\/|$)/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(file);
    return /\.(ts|js)$/.test(e.name) ? [file] : [];
  });
}

/** Every module specifier a file imports or requires. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm)) found.push(m[2]);
  return found;
}

describe('the gateway package depends on no subgraph', () => {
  it('lists no subgraph (nor the launcher) among its dependencies', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(GATEWAY, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const deps = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) => Object.keys(pkg[k] ?? {}));
    expect(deps.filter((d) => FORBIDDEN.test(d))).toEqual([]);
  });

  it('imports no subgraph, nor subgraph code by path, from its sources, scripts or test fixtures', () => {
    const offending = ['src', 'scripts', 'test'].flatMap((d) => sourceFiles(path.join(GATEWAY, d))).filter((f) => f !== __filename).flatMap((file) =>
      specifiers(fs.readFileSync(file, 'utf8'))
        .filter((s) => FORBIDDEN.test(s) || /(^|\/)(subgraphs|launcher)\//.test(s))
        .map((s) => `${path.relative(GATEWAY, file)}: ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it('finds the imports it looks for', () => {
    expect(specifiers(`import { a } from '@hub/plans';\nimport '@hub/reviews';\nconst x = require("../subgraphs/children/dist/index.js");\nawait import('@hub/launcher');`)).toEqual([
      '@hub/plans',
      '@hub/reviews',
      '../subgraphs/children/dist/index.js',
      '@hub/launcher',
    ]);
  });
});
