/**
 * The Kubernetes manifests (deploy/kubernetes) and the image's entry point, checked offline, without a cluster or a
 * Docker engine: every document is validated against the Kubernetes API schemas by kubernetes-models (the
 * OpenAPI schemas compiled to validators: types, required fields, enums), then the hub's own rules: probes on the
 * services' endpoints, resource requests, an autoscaler for the gateway and every worker, a disruption budget for
 * every Deployment, secrets by reference, and a grace period that covers the services' shutdown.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, 'deploy/kubernetes');
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

type Doc = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: any; data?: Record<string, string>; stringData?: Record<string, string> };

function load(file: string): Doc[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => {
    if (d.errors.length) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
    return d.toJSON() as Doc;
  }).filter(Boolean);
}

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => path.join(DIR, f));
const docs = files.flatMap(load);
const example = load(path.join(DIR, 'examples/secrets.yaml'));
const of = (kind: string) => docs.filter((d) => d.kind === kind);
const deployments = of('Deployment');
const containerOf = (d: Doc) => d.spec.template.spec.containers[0];
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('deploy/kubernetes', () => {
  it.each([...docs, ...example].map((d) => [`${d.kind} ${d.metadata.name}`, d]))('%s is valid against the Kubernetes schema', (_n, d) => {
    const Model = MODELS[`${d.apiVersion}/${d.kind}`];
    expect(Model).toBeDefined();
    expect(() => new Model(d).validate()).not.toThrow();
  });

  it('catches an invalid manifest (the validator is live)', () => {
    const broken = structuredClone(deployments[0]) as any;
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    expect(() => new Deployment(broken).validate()).toThrow(/containerPort must be integer/);
    const noSelector = structuredClone(of('PodDisruptionBudget')[0]) as any;
    noSelector.spec.minAvailable = [1];
    expect(() => new PodDisruptionBudget(noSelector).validate()).toThrow();
  });

  it('runs the gateway and an API and a worker Deployment for every subgraph, from the one image', () => {
    const commands = deployments.map((d) => containerOf(d).args.join(' ')).sort();
    expect(commands).toEqual([
      'children --role api', 'children --role worker', 'gateway', 'notifications --role api', 'notifications --role worker',
      'plans --role api', 'plans --role worker', 'reviews --role api', 'reviews --role worker',
    ]);
    expect(new Set(deployments.map((d) => containerOf(d).image)).size).toBe(1);
  });

  it('probes the services\' own endpoints, requests resources and stops within its grace period', () => {
    for (const d of deployments) {
      const c = containerOf(d);
      expect([d.metadata.name, c.livenessProbe.httpGet.path, c.readinessProbe.httpGet.path, c.startupProbe.httpGet.path])
        .toEqual([d.metadata.name, '/healthcheck', '/readiness', '/healthcheck']);
      expect(c.resources.requests.cpu).toBeDefined();
      expect(c.resources.requests.memory).toBeDefined();
      // preStop + the services' hard shutdown limit (SHUTDOWN_TIMEOUT_MS) fit in the grace period.
      const preStop = Number(c.lifecycle.preStop.exec.command[1]);
      const shutdownS = Number(of('ConfigMap')[0].data!.SHUTDOWN_TIMEOUT_MS) / 1000;
      expect(preStop + shutdownS).toBeLessThan(d.spec.template.spec.terminationGracePeriodSeconds);
      expect(d.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
      expect(matches(d.spec.selector.matchLabels, d.spec.template.metadata.labels)).toBe(true);
    }
  });

  it('autoscales the gateway and every worker Deployment, and keeps one of each Deployment through disruptions', () => {
    const scaled = of('HorizontalPodAutoscaler').map((h) => h.spec.scaleTargetRef.name).sort();
    expect(scaled).toEqual(['children-worker', 'gateway', 'notifications-worker', 'plans-worker', 'reviews-worker']);
    for (const name of scaled) expect(deployments.map((d) => d.metadata.name)).toContain(name);
    for (const d of deployments) {
      const budgets = of('PodDisruptionBudget').filter((p) => matches(p.spec.selector.matchLabels, d.spec.template.metadata.labels));
      expect([d.metadata.name, budgets.length]).toEqual([d.metadata.name, 1]);
      expect(d.spec.replicas).toBeGreaterThan(budgets[0].spec.minAvailable);
    }
  });

  it('routes each Service to its API pods only, and the gateway to the API Services', () => {
    const config = of('ConfigMap')[0].data!;
    for (const s of of('Service')) {
      const pods = deployments.filter((d) => matches(s.spec.selector, d.spec.template.metadata.labels));
      expect([s.metadata.name, pods.map((d) => d.metadata.name)]).toEqual([s.metadata.name, [s.metadata.name]]);
      if (s.metadata.name !== 'gateway') expect(config[`${s.metadata.name.toUpperCase()}_URL`]).toBe(`http://${s.metadata.name}:${s.spec.ports[0].port}/graphql`);
    }
  });

  it('takes credentials from the secret by reference, and the example secret names every key used', () => {
    expect(of('Secret')).toEqual([]);
    const keys = new Set(Object.keys(example[0].stringData!));
    for (const d of deployments) {
      for (const e of containerOf(d).env) {
        if (e.valueFrom?.secretKeyRef) expect(keys).toContain(e.valueFrom.secretKeyRef.key);
        expect(e.name === 'DATABASE_URL' || e.name === 'REDIS_URL' || /SECRET/.test(e.name) ? e.valueFrom?.secretKeyRef : 'ok').toBeDefined();
      }
    }
    for (const v of Object.values(of('ConfigMap')[0].data!)) expect(v).not.toMatch(/password|:\/\/[^/]*:[^@]*@/i);
  });
});

describe('the image', () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const entrypoint = fs.readFileSync(path.join(ROOT, 'deploy/docker/entrypoint.sh'), 'utf8');

  it('is built in stages and runs compiled code as an unprivileged user', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(dockerfile).not.toMatch(/COPY --from=build \/app\/\S+\/src /);
  });

  it('starts every service the manifests name, from an argument or HUB_SERVICE', () => {
    for (const d of deployments) expect(entrypoint).toContain(containerOf(d).args[0] === 'gateway' ? 'gateway)' : 'children|plans|reviews|notifications)');
    expect(entrypoint).toMatch(/\$\{HUB_SERVICE:-\}/);
    expect(entrypoint).toMatch(/exec node/);
  });

  it('maps the service to its entry point and passes the rest on (run with a stand-in for node)', () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'care-hub-entry-'));
    fs.writeFileSync(path.join(bin, 'node'), '#!/bin/sh\necho "$@"\n', { mode: 0o755 });
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync('sh', [path.join(ROOT, 'deploy/docker/entrypoint.sh'), ...args], { env: { PATH: `${bin}:/usr/bin:/bin`, ...env }, encoding: 'utf8' });
    try {
      expect(run(['plans', '--role', 'worker']).stdout.trim()).toBe('/app/subgraphs/plans/dist/main.js --role worker');
      expect(run([], { HUB_SERVICE: 'gateway' }).stdout.trim()).toBe('/app/gateway/dist/main.js');
      expect(run([], { HUB_SERVICE: 'notifications', HUB_ROLE: 'api' }).stdout.trim()).toBe('/app/subgraphs/notifications/dist/main.js');
      expect(run(['ledger']).status).toBe(64);
      expect(run([]).status).toBe(64);
    } finally {
      execFileSync('rm', ['-rf', bin]);
    }
  });
});
