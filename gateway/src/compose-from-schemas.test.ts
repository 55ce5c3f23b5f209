import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('gateway/scripts/compose.js', () => {
  it.each([[[]], [['--from-schemas']]])('%j composes the committed supergraph from the committed subgraph schemas without loading any hub code', (args: string[]) => {
    // A require hook that refuses every workspace package and every built subgraph.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-hook-'));
    const hook = path.join(dir, 'refuse-hub.js');
    fs.writeFileSync(hook, `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/^@hub\\//.test(request) || /subgraphs[\\\\/][^\\\\/]+[\\\\/]dist/.test(request)) throw new Error('loaded hub code: ' + request);
  return load.call(this, request, ...rest);
};
`);
    try {
      const r = spawnSync(process.execPath, ['-r', hook, path.join(ROOT, 'gateway/scripts/compose.js'), ...args, '--check'], { encoding: 'utf8' });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      expect(r.stdout).toContain('up to date (gateway/supergraph.graphql)');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses --allow-missing: partial composition from built code is the launcher\'s', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'gateway/scripts/compose.js'), '--from-schemas', '--allow-missing', '--check'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not apply/);
  });
});
