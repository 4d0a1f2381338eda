import { LocalDatabase, type Write } from '../local/cloud/database';
import { catalogueWrites, cocreationWrites, couponWrites, referralWrites, segmentDefinitionWrites, staffTagGroupWrites, styleWeightsWrites } from '../local/seed';
import { table } from '../tests/bench/stats';
import { PLACEHOLDER } from './deployChecks';
import type { Project } from './deployProject';

/**
 * The deploy as a list of steps, computed offline from the project: the dry-run prints it, the real
 * run carries it out in order. Functions go through the official CLI (`npx tcb`); the database
 * through the APIs the CLI 2.12 has no command for (collections, indexes and seed import: the
 * WeChat `tcb/*` HTTP API; security rules: CloudBase's `ModifySafeRule`).
 */

/** HTTP access paths (CloudBase "HTTP 访问服务") of the functions whose entry is HTTP. */
export const HTTP_PATHS: Record<string, string> = { pos: '/pos' };

/** Where seed files go in cloud storage before the import reads them. */
export const SEED_STORAGE_DIR = 'deploy/seed';

/**
 * The seed: the brand's data that ships with the code (templates, catalogue, programme terms,
 * weights, tag groups, co-creation pieces, segment definitions), exactly what the local cloud
 * seeds, without the demo stores, staff and event. `upsert`: the file is the source and a
 * redeploy overwrites; `insert`: written once, later edits (a manager's, or stock already taken)
 * are kept, so a redeploy skips existing ids.
 */
export interface SeedSet {
  collection: string;
  mode: 'upsert' | 'insert';
  docs: Array<Record<string, unknown>>;
}

export function seedSets(): SeedSet[] {
  const empty = new LocalDatabase({});
  const groups: Array<[SeedSet['mode'], Write[]]> = [
    ['upsert', [...catalogueWrites(), ...couponWrites(empty).filter((w) => w.c === 'couponTemplates'), ...referralWrites(), ...styleWeightsWrites()]],
    ['insert', [...couponWrites(empty).filter((w) => w.c !== 'couponTemplates'), ...staffTagGroupWrites(empty), ...cocreationWrites(empty), ...segmentDefinitionWrites(empty)]],
  ];
  const sets = new Map<string, SeedSet>();
  for (const [mode, writes] of groups) {
    for (const w of writes) {
      const set = sets.get(w.c) ?? { collection: w.c, mode, docs: [] };
      set.docs.push({ ...(w.doc as Record<string, unknown>), _id: w.id });
      sets.set(w.c, set);
    }
  }
  return [...sets.values()];
}

/** A document as the import reads it: instants as `{"$date": ISO}` (the database's export/import form). */
function importable(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.toISOString() };
  if (Array.isArray(v)) return v.map(importable);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, importable(x)]));
  return v;
}

/** One document per line (file_type 1, JSON). */
export function seedFileText(set: SeedSet): string {
  return set.docs.map((d) => JSON.stringify(importable(d))).join('\n') + '\n';
}

export type Step =
  | { kind: 'build'; what: string }
  /** mayExist: a rerun finds it there already and the CLI exits non-zero; the run says so and goes on */
  | { kind: 'tcb'; what: string; args: string[]; mayExist?: boolean }
  /** create the collection if missing, add its indexes, set its security rule */
  | { kind: 'collection'; what: string; collection: string; createIndexes: Array<{ name: string; unique: boolean; keys: Array<{ name: string; direction: string }> }>; rule: string }
  /** upload the seed file to storage (CLI), then import it (insert or upsert) */
  | { kind: 'seed'; what: string; set: SeedSet; localFile: string; storagePath: string };

/** The steps of a deploy of this project, in order. `{{env.STYLECLUB_ENV_ID}}` stands for the environment until the real run. */
export function deploySteps(p: Project, seeds: SeedSet[]): Step[] {
  const env = '{{env.STYLECLUB_ENV_ID}}';
  const steps: Step[] = [{ kind: 'build', what: 'bundle every function with esbuild → dist-functions/ (scripts/build-functions.ts)' }];
  for (const f of p.rc.functions ?? []) {
    steps.push({ kind: 'tcb', what: `function ${f.name}`, args: ['fn', 'deploy', f.name, '--force', '--yes', '-e', env] });
    if (f.triggers?.length) steps.push({ kind: 'tcb', what: `timer trigger of ${f.name}`, args: ['fn', 'trigger', 'create', f.name, '-e', env], mayExist: true });
    const httpPath = HTTP_PATHS[f.name];
    if (httpPath) steps.push({ kind: 'tcb', what: `HTTP access ${httpPath} → ${f.name}`, args: ['service', 'create', '-p', httpPath.slice(1), '-f', f.name, '-e', env], mayExist: true });
  }
  for (const c of p.collections) {
    const createIndexes = (p.indexes[c] ?? []).map((s) => ({ name: s.name, unique: Boolean(s.unique), keys: Object.entries(s.keys).map(([name, dir]) => ({ name, direction: String(dir) })) }));
    steps.push({ kind: 'collection', what: `collection ${c}`, collection: c, createIndexes, rule: JSON.stringify(p.rules[c]) });
  }
  for (const set of seeds) {
    steps.push({ kind: 'seed', what: `seed ${set.collection}: ${set.docs.length} (${set.mode})`, set, localFile: `dist-deploy/seed/${set.collection}.json`, storagePath: `${SEED_STORAGE_DIR}/${set.collection}.json` });
  }
  return steps;
}

function envNames(values: Record<string, string> | undefined): string {
  return Object.values(values ?? {}).map((v) => PLACEHOLDER.exec(v)?.[1] ?? '?').join(', ') || '—';
}

/** The plan as readable tables: functions, collections, then the steps in order. */
export function planText(p: Project, seeds: SeedSet[], steps: Step[]): string {
  const fnRows = (p.rc.functions ?? []).map((f) => {
    const src = p.functions.find((s) => s.name === f.name);
    const reach = src?.entry === 'http' ? `HTTP ${HTTP_PATHS[f.name] ?? '?'}` : src?.entry === 'timer' ? `timer ${f.triggers?.map((t) => `"${t.config}"`).join(' ')}` : 'callFunction';
    return [f.name, reach, `${f.timeout} s`, `${f.memorySize} MB`, envNames(f.envVariables)];
  });
  const collRows = p.collections.map((c) => {
    const rule = p.rules[c] as { read: unknown; write: unknown };
    const idx = p.indexes[c] ?? [];
    const seed = seeds.find((s) => s.collection === c);
    return [c, `read ${rule.read} / write ${rule.write}`, idx.length ? `${idx.length} (${idx.filter((i) => i.unique).length} unique)` : '_id only', seed ? `${seed.docs.length} ${seed.mode}` : ''];
  });
  const collections = steps.filter((s) => s.kind === 'collection').length;
  const stepRows = steps
    .filter((s) => s.kind !== 'collection')
    .map((s) => [
      s.kind,
      s.what,
      s.kind === 'tcb'
        ? `npx tcb ${s.args.join(' ')}`
        : s.kind === 'seed'
          ? `npx tcb storage upload → ${s.storagePath}; tcb/databasemigrateimport (${s.set.mode === 'upsert' ? 'upsert: the file is the source' : 'insert: existing ids kept'})`
          : 'tsx scripts/build-functions.ts',
    ]);
  const firstSeed = stepRows.findIndex((r) => r[0] === 'seed');
  stepRows.splice(firstSeed < 0 ? stepRows.length : firstSeed, 0, [
    'collection',
    `${collections} collections (table above)`,
    'tcb/databasecollectionadd if missing; tcb/updateindex; ModifySafeRule (AclTag CUSTOM)',
  ]);
  return [
    `Functions (${fnRows.length})`,
    table(['function', 'reached by', 'timeout', 'memory', 'environment (from the secret store)'], fnRows),
    '',
    `Collections (${collRows.length})`,
    table(['collection', 'rule', 'indexes', 'seed'], collRows),
    '',
    `Steps (${stepRows.length})`,
    table(['kind', 'what', 'how'], stepRows),
  ].join('\n');
}
