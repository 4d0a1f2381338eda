import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from './build-functions';
import { cloudbaseCall, wechatAccessToken, wechatCall } from './deployApis';
import { CHECKS, deployProblems, PLACEHOLDER, releaseBlockers } from './deployChecks';
import { deploySteps, planText, seedFileText, seedSets, type Step } from './deployPlan';
import { loadProject, ROOT, type CloudbaseRc, type Project } from './deployProject';
import { uploadWeapp, weappUploadReport } from './deployWeapp';

/**
 * `npm run deploy -- --dry-run`: reads the tree, checks it (deployChecks.ts), prints the plan and
 * exits 0, or prints every problem and exits 1; offline, nothing is built or sent.
 * `npm run deploy`: the same checks, then the plan carried out against the environment named by
 * STYLECLUB_ENV_ID, with every secret taken from the process environment (the CI's secret store);
 * add `--no-weapp` to leave the mini program's upload out.
 */

/** What the real run needs besides the functions' own variables: who deploys, and with what. */
const DEPLOY_CREDENTIALS = ['STYLECLUB_APPID', 'STYLECLUB_APP_SECRET', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'];

export interface DryRun {
  ok: boolean;
  text: string;
  project: Project;
  steps: Step[];
}

/** Everything the dry-run says, as text; `ok` when nothing stands in the way. */
export async function dryRun(env: NodeJS.ProcessEnv = process.env): Promise<DryRun> {
  const project = await loadProject();
  const problems = deployProblems(project);
  const weapp = weappUploadReport(env, project.rc.functionRoot);
  const all = [...problems, ...weapp.problems.map((p) => `[weapp] ${p}`)];
  const seeds = seedSets();
  const steps = deploySteps(project, seeds);
  const lines = [planText(project, seeds, steps), '', 'Mini program upload (miniprogram-ci)', ...weapp.notes.map((n) => `  ${n}`), ''];
  const blockers = releaseBlockers();
  if (blockers.length) lines.push(`Before going live (the real deploy refuses until done): ${blockers.length}`, ...blockers.map((b) => `  ${b}`), '');
  if (all.length) lines.push(`Refused: ${all.length} problem(s)`, ...all.map((p) => `  ${p}`));
  else lines.push(`Checks passed: ${[...CHECKS.map((c) => c.code), 'weapp'].join(', ')}.`, `  ${CHECKS.map((c) => c.says).join(';\n  ')}.`);
  return { ok: all.length === 0, text: lines.join('\n'), project, steps };
}

/** The value of every `{{env.X}}` of cloudbaserc.json and of the deploy's own credentials; throws naming every one missing. */
function secretsFromEnvironment(rc: CloudbaseRc, env: NodeJS.ProcessEnv): Map<string, string> {
  const wanted = new Set(DEPLOY_CREDENTIALS);
  const text = JSON.stringify(rc);
  for (const m of text.matchAll(/\{\{env\.([A-Z][A-Z0-9_]*)\}\}/g)) wanted.add(m[1]!);
  const missing = [...wanted].filter((n) => !env[n]);
  if (missing.length) throw new Error(`not set in the environment (the secret store): ${missing.join(', ')}`);
  return new Map([...wanted].map((n) => [n, env[n]!]));
}

/** cloudbaserc.json with its placeholders filled, written where only this user can read it; removed after the run. */
function resolvedConfig(rc: CloudbaseRc, values: Map<string, string>): string {
  const filled = JSON.parse(JSON.stringify(rc), (_k, v) => (typeof v === 'string' && PLACEHOLDER.test(v) ? values.get(PLACEHOLDER.exec(v)![1]!) : v)) as CloudbaseRc;
  filled.functionRoot = path.resolve(ROOT, rc.functionRoot ?? 'dist-functions');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styleclub-deploy-'));
  const file = path.join(dir, 'cloudbaserc.json');
  fs.writeFileSync(file, JSON.stringify(filled, null, 2), { mode: 0o600 });
  return file;
}

function tcb(args: string[], configFile: string, mayExist = false): void {
  const res = spawnSync('npx', ['tcb', ...args, '--config-file', configFile], { cwd: ROOT, stdio: 'inherit' });
  if (res.status === 0) return;
  const what = `npx tcb ${args.slice(0, 3).join(' ')} failed (exit ${res.status})`;
  if (!mayExist) throw new Error(what);
  console.warn(`${what}: taken as already there (a rerun); check the CLI's message above`);
}

async function deploy(argv: string[]): Promise<void> {
  const plan = await dryRun();
  console.log(plan.text);
  if (!plan.ok) process.exit(1);
  const blockers = releaseBlockers();
  if (blockers.length) throw new Error(`not deployed: ${blockers.length} value(s) are still for the local cloud (listed above)`);
  const values = secretsFromEnvironment(plan.project.rc, process.env);
  const envId = values.get('STYLECLUB_ENV_ID')!;
  const fill = (arg: string) => arg.replace('{{env.STYLECLUB_ENV_ID}}', envId);
  const secretId = values.get('TENCENTCLOUD_SECRETID')!;
  const secretKey = values.get('TENCENTCLOUD_SECRETKEY')!;
  const configFile = resolvedConfig(plan.project.rc, values);
  try {
    await buildFunctions();
    const seedDir = path.join(ROOT, 'dist-deploy/seed');
    fs.mkdirSync(seedDir, { recursive: true });
    for (const s of seedSets()) fs.writeFileSync(path.join(seedDir, `${s.collection}.json`), seedFileText(s));
    tcb(['login', '--apiKeyId', secretId, '--apiKey', secretKey], configFile);
    const token = await wechatAccessToken(values.get('STYLECLUB_APPID')!, values.get('STYLECLUB_APP_SECRET')!);
    for (const [i, step] of plan.steps.entries()) {
      console.log(`[${i + 1}/${plan.steps.length}] ${step.what}`);
      if (step.kind === 'tcb') tcb(step.args.map(fill), configFile, step.mayExist);
      else if (step.kind === 'collection') {
        await wechatCall(token, 'tcb/databasecollectionadd', { env: envId, collection_name: step.collection });
        if (step.createIndexes.length) await wechatCall(token, 'tcb/updateindex', { env: envId, collection_name: step.collection, create_indexes: step.createIndexes, drop_indexes: [] });
        await cloudbaseCall(secretId, secretKey, 'ModifySafeRule', { EnvId: envId, CollectionName: step.collection, AclTag: 'CUSTOM', Rule: step.rule });
      } else if (step.kind === 'seed') {
        tcb(['storage', 'upload', step.localFile, step.storagePath, '-e', envId], configFile);
        // file_type 1 = JSON lines; conflict_mode 1 = insert (an existing id is skipped), 2 = upsert
        const body = { env: envId, collection_name: step.set.collection, file_path: step.storagePath, file_type: 1, stop_on_error: false, conflict_mode: step.set.mode === 'upsert' ? 2 : 1 };
        await wechatCall(token, 'tcb/databasemigrateimport', body);
      }
    }
  } finally {
    fs.rmSync(path.dirname(configFile), { recursive: true, force: true });
  }
  if (!argv.includes('--no-weapp')) {
    const built = spawnSync('npm', ['run', 'build:weapp'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:weapp failed');
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    await uploadWeapp(process.env, version, `StyleClub ${version} (${head || 'no git'})`);
  }
  console.log(`Deployed to ${envId}.`);
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const run = argv.includes('--dry-run')
    ? dryRun().then((r) => {
        console.log(r.text);
        if (r.ok) console.log(`\nDry run: nothing was built or sent (${r.steps.length} steps planned).`);
        process.exitCode = r.ok ? 0 : 1;
      })
    : deploy(argv);
  run.catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
