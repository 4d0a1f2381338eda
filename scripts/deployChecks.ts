import { SUBSCRIBE_TEMPLATES } from '../cloudfunctions/contract/formats';
import { cronProblem } from './deployCron';
import type { Project, RcFunction } from './deployProject';

/**
 * What `npm run deploy -- --dry-run` refuses, one small check each: the configs against what the
 * code needs, and against the platform's published limits. Figures and where they come from:
 * - function timeout 1–60 s and memory 128/256/512/1024/2048 MB: docs.cloudbase.net, CLI v1
 *   "配置文件-云函数" (timeout 取值范围 1-60 秒; memorySize 可选值); PITFALLS.md (console cap 60 s)
 * - ≤ 100 indexes per collection, ≤ 31 fields per index: Tencent Cloud CloudBase FAQ
 *   "数据库相关问题" (cloud.tencent.com/document/product/876/18436, updated 2024-11-07)
 * - ≤ 100 collections per environment: the lower of that FAQ's 300 and docs.cloudbase.net's 100
 * - no sparse indexes: the index APIs (WeChat `tcb/updateindex`, CloudBase `CreateIndexes`) take a
 *   name, `unique` and keys only
 */
export const LIMITS = {
  timeoutSeconds: { min: 1, max: 60 },
  memorySizes: [128, 256, 512, 1024, 2048],
  indexesPerCollection: 100,
  fieldsPerIndex: 31,
  collectionsPerEnvironment: 100,
} as const;

/** Environment variables the platform itself sets: no function declares them. */
const PLATFORM_ENV = /^(TCB_|SCF_|TENCENTCLOUD_|WX_|NODE_ENV$|TZ$)/;

/** A value in cloudbaserc.json that the deploy fills from the environment (the secret store): `{{env.NAME}}`. */
export const PLACEHOLDER = /^\{\{env\.([A-Z][A-Z0-9_]*)\}\}$/;

export interface Check {
  code: string;
  /** what it holds to, said in the plan */
  says: string;
  problems(p: Project): string[];
}

function rcFunctions(p: Project): RcFunction[] {
  return p.rc.functions ?? [];
}

function sameTriggers(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

const environmentIsAPlaceholder: Check = {
  code: 'env-id',
  says: 'envId comes from the environment, never a literal',
  problems: (p) =>
    p.rc.envId && PLACEHOLDER.test(p.rc.envId) ? [] : [`cloudbaserc.json: envId must be a placeholder such as "{{env.STYLECLUB_ENV_ID}}", found ${JSON.stringify(p.rc.envId ?? null)}`],
};

const everyFunctionConfigured: Check = {
  code: 'functions',
  says: 'every function folder has a config.json and one cloudbaserc.json entry, and nothing else is deployed',
  problems(p) {
    const out: string[] = [];
    const rc = rcFunctions(p);
    for (const f of p.functions) {
      if (!f.config) out.push(`cloudfunctions/functions/${f.name}/config.json is missing (timeout, triggers, permissions)`);
      const n = rc.filter((r) => r.name === f.name).length;
      if (n !== 1) out.push(`cloudbaserc.json: function "${f.name}" has ${n} entries; it needs exactly one`);
    }
    for (const r of rc) {
      if (!p.functions.some((f) => f.name === r.name)) out.push(`cloudbaserc.json: function "${r.name}" has no folder cloudfunctions/functions/${r.name}/ with an index.ts`);
    }
    return out;
  },
};

const runtimeWithinLimits: Check = {
  code: 'runtime',
  says: `timeout ${LIMITS.timeoutSeconds.min}–${LIMITS.timeoutSeconds.max} s and equal to config.json; memory one of ${LIMITS.memorySizes.join('/')} MB`,
  problems(p) {
    const out: string[] = [];
    for (const r of rcFunctions(p)) {
      const t = r.timeout;
      if (typeof t !== 'number' || !Number.isInteger(t) || t < LIMITS.timeoutSeconds.min || t > LIMITS.timeoutSeconds.max) {
        out.push(`${r.name}: timeout ${JSON.stringify(t ?? null)} s is outside ${LIMITS.timeoutSeconds.min}–${LIMITS.timeoutSeconds.max} s (the console's cap): split the work into resumable batches`);
      }
      const cfg = p.functions.find((f) => f.name === r.name)?.config;
      if (cfg && cfg.timeout !== t) out.push(`${r.name}: timeout ${t} s in cloudbaserc.json but ${cfg.timeout} s in its config.json: keep them equal`);
      if (!(LIMITS.memorySizes as readonly number[]).includes(r.memorySize as number)) {
        out.push(`${r.name}: memorySize ${JSON.stringify(r.memorySize ?? null)} MB is not one of ${LIMITS.memorySizes.join(', ')}`);
      }
    }
    return out;
  },
};

const triggersAreTimersWithCron: Check = {
  code: 'triggers',
  says: 'triggers equal config.json; each a timer with a 7-field cron (UTC+8); one per function; the timer entry has one',
  problems(p) {
    const out: string[] = [];
    for (const r of rcFunctions(p)) {
      const triggers = r.triggers ?? [];
      const src = p.functions.find((f) => f.name === r.name);
      if (src?.config && !sameTriggers(src.config.triggers, r.triggers)) out.push(`${r.name}: triggers in cloudbaserc.json differ from its config.json: keep them equal`);
      if (triggers.length > 1) out.push(`${r.name}: ${triggers.length} triggers; the design has one timer per function`);
      for (const t of triggers) {
        if (t.type !== 'timer') out.push(`${r.name}: trigger "${t.name}" has type "${t.type}"; only timer triggers are declared here (HTTP access is a service path)`);
        const problem = cronProblem(t.config ?? '');
        if (problem) out.push(`${r.name}: trigger "${t.name}": ${problem}`);
      }
      if (src?.entry === 'timer' && triggers.length === 0) out.push(`${r.name}: its entry is a timer (createTimerMain) but it has no timer trigger`);
    }
    return out;
  },
};

const secretsDeclared: Check = {
  code: 'secrets',
  says: 'every process.env name a bundle reads is declared for that function, from the environment; nothing else is',
  problems(p) {
    const out: string[] = [];
    for (const f of p.functions) {
      const declared = rcFunctions(p).find((r) => r.name === f.name)?.envVariables ?? {};
      if (f.envComputed) out.push(`${f.name}: its bundle reads process.env by a computed name: read each variable as process.env.NAME so the deploy can check it`);
      for (const name of f.envReads) {
        if (!PLATFORM_ENV.test(name) && !(name in declared)) out.push(`${f.name}: reads process.env.${name} but cloudbaserc.json does not declare it in ${f.name}.envVariables`);
      }
      for (const [name, v] of Object.entries(declared)) {
        const m = PLACEHOLDER.exec(v);
        if (!m || m[1] !== name) out.push(`${f.name}: envVariables.${name} must be "{{env.${name}}}" (filled from the secret store at deploy), never a committed value`);
        if (!f.envReads.includes(name)) out.push(`${f.name}: declares ${name} but its code never reads it: remove it (a key goes only where it is used)`);
      }
    }
    return out;
  },
};

const cloudCallsPermitted: Check = {
  code: 'openapi',
  says: "every cloud call a function makes (openapi().x.y) is in its config.json permissions.openapi",
  problems(p) {
    const out: string[] = [];
    for (const f of p.functions) {
      const allowed = f.config?.permissions?.openapi ?? [];
      for (const api of f.openapiCalls) {
        if (!allowed.includes(api)) out.push(`${f.name}: calls openapi ${api} but cloudfunctions/functions/${f.name}/config.json does not list it in permissions.openapi (the platform refuses the call)`);
      }
    }
    return out;
  },
};

const everyCollectionHasRules: Check = {
  code: 'rules',
  says: 'every collection in data/collections.ts has a security rule with read and write; none for unknown collections',
  problems(p) {
    const out: string[] = [];
    const named = Object.keys(p.rules).filter((k) => !k.startsWith('_'));
    for (const c of p.collections) {
      const rule = p.rules[c] as { read?: unknown; write?: unknown } | undefined;
      if (!rule) out.push(`rules.json has no rule for collection "${c}" (cloudfunctions/data/collections.ts names it)`);
      else if (!['boolean', 'string'].includes(typeof rule.read) || !['boolean', 'string'].includes(typeof rule.write)) {
        out.push(`rules.json: "${c}" needs "read" and "write", each true, false or a rule expression`);
      }
    }
    for (const c of named) if (!p.collections.includes(c)) out.push(`rules.json has a rule for "${c}", which no code names: a typo, or a collection that was removed`);
    if (p.collections.length > LIMITS.collectionsPerEnvironment) out.push(`${p.collections.length} collections; an environment holds at most ${LIMITS.collectionsPerEnvironment}`);
    return out;
  },
};

const everyCollectionHasIndexes: Check = {
  code: 'indexes',
  says: `every collection has an indexes.json entry ([] = served by _id alone); ≤ ${LIMITS.indexesPerCollection} indexes, ≤ ${LIMITS.fieldsPerIndex} fields each; no sparse`,
  problems(p) {
    const out: string[] = [];
    for (const c of p.collections) if (!(c in p.indexes)) out.push(`indexes.json has no entry for collection "${c}": list its indexes, or [] when every query goes by _id`);
    for (const [c, specs] of Object.entries(p.indexes)) {
      if (!p.collections.includes(c)) out.push(`indexes.json has indexes for "${c}", which no code names`);
      if (!Array.isArray(specs)) {
        out.push(`indexes.json: "${c}" must be a list of indexes`);
        continue;
      }
      if (specs.length > LIMITS.indexesPerCollection) out.push(`indexes.json: "${c}" has ${specs.length} indexes; CloudBase allows ${LIMITS.indexesPerCollection} per collection`);
      const names = new Set<string>();
      for (const s of specs) {
        if (names.has(s.name)) out.push(`indexes.json: "${c}" has two indexes named "${s.name}"`);
        names.add(s.name);
        const keys = Object.entries(s.keys ?? {});
        if (keys.length === 0) out.push(`indexes.json: ${c}.${s.name} has no keys`);
        if (keys.length > LIMITS.fieldsPerIndex) out.push(`indexes.json: ${c}.${s.name} has ${keys.length} fields; CloudBase allows ${LIMITS.fieldsPerIndex}`);
        for (const [field, dir] of keys) if (dir !== 1 && dir !== -1) out.push(`indexes.json: ${c}.${s.name}.${field} must be 1 or -1`);
        if (s.sparse) {
          out.push(
            `indexes.json: ${c}.${s.name} is sparse, which CloudBase cannot create (its index APIs take name, unique and keys only)` +
              (s.unique ? ': as a plain unique index it would refuse a second document that lacks the field' : ''),
          );
        }
      }
    }
    return out;
  },
};

export const CHECKS: Check[] = [
  environmentIsAPlaceholder,
  everyFunctionConfigured,
  runtimeWithinLimits,
  triggersAreTimersWithCron,
  secretsDeclared,
  cloudCallsPermitted,
  everyCollectionHasRules,
  everyCollectionHasIndexes,
];

/** Every problem of the project, each prefixed with its check's code; empty when it may be deployed. */
export function deployProblems(p: Project): string[] {
  return CHECKS.flatMap((c) => c.problems(p).map((msg) => `[${c.code}] ${msg}`));
}

/**
 * What the dry-run reports but only the real deploy refuses: values that are right for the local
 * cloud and wrong on the platform. The subscribe-message template ids are development names until
 * the brand picks its templates in the MP console (订阅消息 → 选用); a send with them fails.
 */
export function releaseBlockers(): string[] {
  return Object.entries(SUBSCRIBE_TEMPLATES)
    .filter(([, t]) => t.id.startsWith('styleclub-dev-'))
    .map(([key, t]) => `subscribe template ${key} (${t.title}) still has the development id "${t.id}": put the MP console's template id in cloudfunctions/contract/formats.ts SUBSCRIBE_TEMPLATES`);
}
