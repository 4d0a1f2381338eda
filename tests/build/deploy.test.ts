import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { deployProblems, releaseBlockers } from '../../scripts/deployChecks';
import { cronProblem } from '../../scripts/deployCron';
import { envNamesIn, loadProject, type Project } from '../../scripts/deployProject';
import { seedFileText, seedSets } from '../../scripts/deployPlan';
import { weappUploadReport } from '../../scripts/deployWeapp';

// two runs of the script as processes (tsx start, ten in-memory bundles each) plus checks on the loaded project: ~25–45 s on a busy 2-core machine
jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../..');

describe('npm run deploy -- --dry-run', () => {
  let project: Project;
  beforeAll(async () => {
    project = await loadProject();
  });
  /** A copy of the tree's project with one part broken. */
  const broken = (change: (p: Project) => void): Project => {
    const p = structuredClone(project);
    change(p);
    return p;
  };

  it('passes on this tree offline, prints the functions, collections and steps, and sends nothing', () => {
    // no secrets in its environment: a clean clone's dry-run needs none
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(STYLECLUB_|TENCENTCLOUD_)/.test(k)));
    const res = spawnSync('npx', ['tsx', 'scripts/deploy.ts', '--dry-run'], { cwd: ROOT, encoding: 'utf8', env });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^Functions \(10\)/);
    expect(res.stdout).toMatch(/^pos\s+HTTP \/pos\s+10 s/m);
    expect(res.stdout).toMatch(/^jobs\s+timer "0 \*\/10 \* \* \* \* \*"\s+60 s/m);
    expect(res.stdout).toMatch(/^member\s.*STYLECLUB_PHONE_KEY/m);
    expect(res.stdout).toMatch(new RegExp(`^Collections \\(${project.collections.length}\\)`, 'm'));
    expect(res.stdout).toMatch(/^products\s.*\d+ upsert$/m);
    expect(res.stdout).toContain('Checks passed: env-id, functions, runtime, triggers, secrets, openapi, rules, indexes, weapp.');
    expect(res.stdout).toMatch(/Dry run: nothing was built or sent \(\d+ steps planned\)\./);
    // what only the real deploy refuses is said here too
    expect(res.stdout).toContain(`Before going live (the real deploy refuses until done): ${releaseBlockers().length}`);
  });

  it('refuses the real run while subscribe-template ids are development ones, before building or sending anything', () => {
    const env = { ...process.env, STYLECLUB_ENV_ID: 'styleclub-test-env' };
    const res = spawnSync('npx', ['tsx', 'scripts/deploy.ts', '--no-weapp'], { cwd: ROOT, encoding: 'utf8', env });
    expect(res.status).toBe(1);
    expect(res.stderr.trim()).toBe(`not deployed: ${releaseBlockers().length} value(s) are still for the local cloud (listed above)`);
    expect(res.stdout).not.toMatch(/\[1\/\d+\]/);
  });

  it('lists the development subscribe-template ids the real deploy refuses, one per template', () => {
    const blockers = releaseBlockers();
    expect(blockers.length).toBeGreaterThan(0);
    expect(blockers[0]).toMatch(/^subscribe template pointsExpiring \(积分到期提醒\) still has the development id "styleclub-dev-points-expiring"/);
  });

  it('finds no problem in the tree as it is', () => {
    expect(deployProblems(project)).toEqual([]);
  });

  it('refuses a collection the code names without a security rule, naming it', () => {
    const p = broken((q) => delete q.rules.couponStock);
    expect(deployProblems(p)).toEqual(['[rules] rules.json has no rule for collection "couponStock" (cloudfunctions/data/collections.ts names it)']);
  });

  it('refuses a collection without an indexes.json entry, and an index the platform cannot build', () => {
    const p = broken((q) => {
      delete q.indexes.orders;
      q.indexes.coupons!.push({ name: 'code_sparse', keys: { code: 1 }, unique: true, sparse: true });
    });
    expect(deployProblems(p)).toEqual([
      '[indexes] indexes.json has no entry for collection "orders": list its indexes, or [] when every query goes by _id',
      expect.stringMatching(/^\[indexes\] indexes.json: coupons.code_sparse is sparse, which CloudBase cannot create .* refuse a second document that lacks the field$/),
    ]);
  });

  it('refuses more indexes on a collection than CloudBase allows (100)', () => {
    const p = broken((q) => {
      q.indexes.todos = Array.from({ length: 101 }, (_, i) => ({ name: `i${i}`, keys: { [`f${i}`]: 1 } }));
    });
    expect(deployProblems(p)).toEqual(['[indexes] indexes.json: "todos" has 101 indexes; CloudBase allows 100 per collection']);
  });

  it('refuses a secret a function reads but does not declare, and one declared with a committed value', () => {
    const p = broken((q) => {
      const member = q.rc.functions!.find((f) => f.name === 'member')!;
      delete member.envVariables!.STYLECLUB_PHONE_KEY;
      q.rc.functions!.find((f) => f.name === 'staff')!.envVariables!.STYLECLUB_CODE_KEY = 'a-real-key-in-git';
    });
    expect(deployProblems(p)).toEqual([
      '[secrets] member: reads process.env.STYLECLUB_PHONE_KEY but cloudbaserc.json does not declare it in member.envVariables',
      '[secrets] staff: envVariables.STYLECLUB_CODE_KEY must be "{{env.STYLECLUB_CODE_KEY}}" (filled from the secret store at deploy), never a committed value',
    ]);
  });

  it('refuses a key given to a function whose code never reads it', () => {
    const p = broken((q) => {
      q.rc.functions!.find((f) => f.name === 'points')!.envVariables = { STYLECLUB_PHONE_KEY: '{{env.STYLECLUB_PHONE_KEY}}' };
    });
    expect(deployProblems(p)).toEqual(['[secrets] points: declares STYLECLUB_PHONE_KEY but its code never reads it: remove it (a key goes only where it is used)']);
  });

  it('refuses a cloud call the function has no permission for, naming the api and the config.json', () => {
    expect(project.functions.find((f) => f.name === 'staff')!.openapiCalls).toEqual(['wxacode.getUnlimited']);
    const p = broken((q) => {
      q.functions.find((f) => f.name === 'member')!.config!.permissions = { openapi: [] };
    });
    expect(deployProblems(p)).toEqual([
      '[openapi] member: calls openapi phonenumber.getPhoneNumber but cloudfunctions/functions/member/config.json does not list it in permissions.openapi (the platform refuses the call)',
    ]);
  });

  it('refuses a bad cron, and a trigger that drifted from config.json', () => {
    const p = broken((q) => {
      const jobs = q.rc.functions!.find((f) => f.name === 'jobs')!;
      jobs.triggers = [{ name: 'every10min', type: 'timer', config: '*/10 * * * *' }];
    });
    expect(deployProblems(p)).toEqual([
      '[triggers] jobs: triggers in cloudbaserc.json differ from its config.json: keep them equal',
      '[triggers] jobs: trigger "every10min": "*/10 * * * *" has 5 fields; CloudBase timers take 7 (second minute hour day month weekday year), e.g. "0 */10 * * * * *"',
    ]);
  });

  it('refuses a timeout over the 60 s cap, a memory size the platform lacks, and a missing function entry', () => {
    const p = broken((q) => {
      const jobs = q.rc.functions!.find((f) => f.name === 'jobs')!;
      jobs.timeout = 90;
      jobs.memorySize = 300;
      q.rc.functions = q.rc.functions!.filter((f) => f.name !== 'ops');
    });
    expect(deployProblems(p)).toEqual([
      '[functions] cloudbaserc.json: function "ops" has 0 entries; it needs exactly one',
      "[runtime] jobs: timeout 90 s is outside 1–60 s (the console's cap): split the work into resumable batches",
      '[runtime] jobs: timeout 90 s in cloudbaserc.json but 60 s in its config.json: keep them equal',
      '[runtime] jobs: memorySize 300 MB is not one of 128, 256, 512, 1024, 2048',
    ]);
  });

  it('refuses a literal environment id', () => {
    const p = broken((q) => {
      q.rc.envId = 'styleclub-prod-1a2b3c';
    });
    expect(deployProblems(p)).toEqual(['[env-id] cloudbaserc.json: envId must be a placeholder such as "{{env.STYLECLUB_ENV_ID}}", found "styleclub-prod-1a2b3c"']);
  });

  it('reads the environment names a bundle uses, and notices a computed read', () => {
    expect(envNamesIn('var a=process.env.STYLECLUB_X,b=process.env.TCB_ENV;')).toEqual({ names: ['STYLECLUB_X', 'TCB_ENV'], computed: false });
    expect(envNamesIn('function k(n){return process.env[n]}').computed).toBe(true);
  });

  it.each([
    ['0 */10 * * * * *', null],
    ['0 0 2 * * MON-FRI *', null],
    ['0 30 1 1,15 * * 2026-2030', null],
    ['0 */10 * * * *', /has 6 fields/],
    ['0 61 * * * * *', /minute field: "61" is outside 0–59/],
    ['0 0 25 * * * *', /hour field: "25" is outside 0–23/],
    ['0 0 0 * * 5-1 *', /day of week field: range "5-1" runs backwards/],
    ['0 */0 * * * * *', /minute field: step "0" must be a whole number ≥ 1/],
  ])('cron %s', (cron, problem) => {
    const found = cronProblem(cron);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('writes seed files the import reads: one document per line, instants as {"$date": ISO}', () => {
    const sets = seedSets();
    expect(sets.find((s) => s.collection === 'couponTemplates')?.mode).toBe('upsert');
    const pieces = sets.find((s) => s.collection === 'cocreationPieces')!;
    // a manager's close or launch of a piece is never overwritten by a redeploy
    expect(pieces.mode).toBe('insert');
    const lines = seedFileText(pieces).trimEnd().split('\n');
    expect(lines).toHaveLength(pieces.docs.length);
    const instants = lines.flatMap((l) => JSON.stringify(JSON.parse(l)).match(/\{"\$date":"[^"]+"\}/g) ?? []);
    expect(instants.length).toBeGreaterThan(0);
    for (const i of instants) expect(JSON.parse(i).$date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // no demo store, with its development POS secret, ever leaves with the seed
    expect(sets.map((s) => s.collection)).not.toContain('stores');
  });

  it('checks the mini program upload offline: the project paths, the AppID and the upload key', () => {
    expect(weappUploadReport({}, project.rc.functionRoot).problems).toEqual([]);
    const bad = weappUploadReport({ STYLECLUB_APPID: 'wx123', STYLECLUB_UPLOAD_KEY_PATH: '/nonexistent/private.key' }, project.rc.functionRoot);
    expect(bad.problems).toEqual([
      'STYLECLUB_APPID is "wx123": an AppID is wx followed by 16 hex digits',
      'STYLECLUB_UPLOAD_KEY_PATH names /nonexistent/private.key, which does not exist',
    ]);
    expect(weappUploadReport({}, './functions').problems).toEqual(['project.config.json: cloudfunctionRoot "dist-functions/" differs from cloudbaserc.json functionRoot "./functions"']);
  });
});
