import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { COLLECTIONS } from '../cloudfunctions/data/collections';
import { functionNames } from './build-functions';

/**
 * What a deploy is made of, read from the tree without touching the network: cloudbaserc.json, each
 * function's folder (config.json, which entry it builds, which environment variables its bundle
 * reads), the collections the data layer names, and the database files. The checks
 * (deployChecks.ts) judge this object, so a test can break one part of it and see the message.
 */

export const ROOT = path.resolve(__dirname, '..');

export interface TimerTrigger {
  name: string;
  type: string;
  config: string;
}

/** One entry of cloudbaserc.json's `functions` (the CLI's flattened form). */
export interface RcFunction {
  name: string;
  runtime?: string;
  handler?: string;
  installDependency?: boolean;
  timeout?: number;
  memorySize?: number;
  envVariables?: Record<string, string>;
  triggers?: TimerTrigger[];
}

export interface CloudbaseRc {
  version?: string;
  envId?: string;
  functionRoot?: string;
  functions?: RcFunction[];
}

/** A function folder as the code has it. */
export interface FunctionSource {
  name: string;
  /** cloudfunctions/functions/<name>/config.json, or null when the folder has none */
  config: { timeout?: number; triggers?: TimerTrigger[]; permissions?: { openapi?: string[] } } | null;
  /** how the platform reaches it: `createHttpMain` → HTTP access, `createTimerMain` → a timer trigger, else callFunction */
  entry: 'call' | 'http' | 'timer';
  /** the `process.env.X` names its bundle reads (wx-server-sdk, left out of the bundle, reads its own) */
  envReads: string[];
  /** the bundle reads the environment by a computed name, which no check can follow */
  envComputed: boolean;
  /** the cloud calls (`openapi().<ns>.<method>`) in the sources its bundle includes, e.g. `wxacode.getUnlimited` */
  openapiCalls: string[];
}

export interface IndexSpec {
  name: string;
  keys: Record<string, unknown>;
  unique?: boolean;
  sparse?: boolean;
}

export interface Project {
  rc: CloudbaseRc;
  functions: FunctionSource[];
  /** the collection names of cloudfunctions/data/collections.ts */
  collections: string[];
  rules: Record<string, unknown>;
  indexes: Record<string, IndexSpec[]>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** The environment variable names a bundle reads; esbuild keeps `process.env.NAME` as written, minified or not. */
export function envNamesIn(bundle: string): { names: string[]; computed: boolean } {
  const names = [...new Set([...bundle.matchAll(/process\.env\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!))].sort();
  // `process.env[name]` or `const { X } = process.env` cannot be followed: say so rather than pass quietly
  const computed = /process\.env\s*\[/.test(bundle) || /=\s*process\.env\s*[;,)}]/.test(bundle);
  return { names, computed };
}

/** The cloud calls a source makes through platform/cloud.ts's `openapi()`: `namespace.method`. */
export function openapiCallsIn(source: string): string[] {
  return [...source.matchAll(/\bopenapi\(\)\s*\.\s*([A-Za-z]\w*)\s*\.\s*([A-Za-z]\w*)/g)].map((m) => `${m[1]}.${m[2]}`);
}

async function functionSource(root: string, name: string): Promise<FunctionSource> {
  const dir = path.join(root, 'cloudfunctions/functions', name);
  const configFile = path.join(dir, 'config.json');
  const index = fs.readFileSync(path.join(dir, 'index.ts'), 'utf8');
  const entry = /\bcreateHttpMain\s*\(/.test(index) ? 'http' : /\bcreateTimerMain\s*\(/.test(index) ? 'timer' : 'call';
  // the same bundle build-functions.ts writes, kept in memory: what the code reads, not what a README says
  const out = await build({
    entryPoints: [path.join(dir, 'index.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    external: ['wx-server-sdk'],
    logLevel: 'silent',
    metafile: true,
    // the metafile names inputs relative to this
    absWorkingDir: root,
  });
  const { names, computed } = envNamesIn(out.outputFiles[0]!.text);
  // the calls read from the sources the bundle took in (minifying renames openapi(), not the API names)
  const sources = Object.keys(out.metafile!.inputs).filter((f) => f.startsWith('cloudfunctions/') && f.endsWith('.ts'));
  const openapiCalls = [...new Set(sources.flatMap((f) => openapiCallsIn(fs.readFileSync(path.join(root, f), 'utf8'))))].sort();
  return { name, config: fs.existsSync(configFile) ? readJson(configFile) : null, entry, envReads: names, envComputed: computed, openapiCalls };
}

/** Reads the project from the tree at root (offline: esbuild bundles in memory, nothing is written). */
export async function loadProject(root = ROOT): Promise<Project> {
  const db = path.join(root, 'cloudfunctions/database');
  const rcFile = path.join(root, 'cloudbaserc.json');
  return {
    rc: fs.existsSync(rcFile) ? readJson<CloudbaseRc>(rcFile) : {},
    functions: await Promise.all(functionNames().map((name) => functionSource(root, name))),
    collections: Object.values(COLLECTIONS),
    rules: readJson(path.join(db, 'rules.json')),
    indexes: readJson(path.join(db, 'indexes.json')),
  };
}
