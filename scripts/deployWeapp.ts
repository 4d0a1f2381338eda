import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './deployProject';

/**
 * The mini program's upload with miniprogram-ci (a development version the brand then submits for
 * review in the MP console). Offline, the dry-run checks what the upload will need: the project
 * file's paths and type, and where the AppID and the upload key come from. The key is the "小程序
 * 代码上传密钥" downloaded from mp.weixin.qq.com (开发管理 → 开发设置, with the uploading machine's
 * IP on its allow-list); it lives in the secret store and reaches the deploy as a file path.
 */
export const WEAPP_UPLOAD = {
  appidEnv: 'STYLECLUB_APPID',
  keyPathEnv: 'STYLECLUB_UPLOAD_KEY_PATH',
  /** Taro's weapp outputRoot (config/index.ts) */
  buildDir: 'dist/',
  /** cloudbaserc.json's functionRoot, which DevTools reads as cloudfunctionRoot */
  functionsDir: 'dist-functions/',
} as const;

export interface WeappReport {
  problems: string[];
  /** what the real upload will use, or still needs, said in the plan */
  notes: string[];
}

const APPID = /^wx[0-9a-f]{16}$/;

function normalDir(p: unknown): string {
  return typeof p === 'string' ? p.replace(/^\.\//, '').replace(/\/?$/, '/') : '';
}

/** What stands between this tree and an upload; env is where the secret store's values arrive. */
export function weappUploadReport(env: NodeJS.ProcessEnv, functionRoot: string | undefined, root = ROOT): WeappReport {
  const problems: string[] = [];
  const notes: string[] = [];
  const file = path.join(root, 'project.config.json');
  const cfg = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (cfg.compileType !== 'miniprogram') problems.push(`project.config.json: compileType is ${JSON.stringify(cfg.compileType)}, not "miniprogram"`);
  if (normalDir(cfg.miniprogramRoot) !== WEAPP_UPLOAD.buildDir) problems.push(`project.config.json: miniprogramRoot ${JSON.stringify(cfg.miniprogramRoot)} is not the weapp build ${WEAPP_UPLOAD.buildDir}`);
  if (normalDir(cfg.cloudfunctionRoot) !== normalDir(functionRoot)) {
    problems.push(`project.config.json: cloudfunctionRoot ${JSON.stringify(cfg.cloudfunctionRoot)} differs from cloudbaserc.json functionRoot ${JSON.stringify(functionRoot)}`);
  }
  const committed = String(cfg.appid ?? '');
  if (committed !== 'touristappid' && !APPID.test(committed)) problems.push(`project.config.json: appid ${JSON.stringify(committed)} is neither an AppID (wx + 16 hex) nor "touristappid"`);
  const appid = env[WEAPP_UPLOAD.appidEnv];
  if (appid === undefined) notes.push(`AppID: from ${WEAPP_UPLOAD.appidEnv} at upload (not set here; the committed file keeps "${committed}")`);
  else if (!APPID.test(appid)) problems.push(`${WEAPP_UPLOAD.appidEnv} is ${JSON.stringify(appid)}: an AppID is wx followed by 16 hex digits`);
  else notes.push(`AppID: ${appid} (from ${WEAPP_UPLOAD.appidEnv})`);
  const keyPath = env[WEAPP_UPLOAD.keyPathEnv];
  if (keyPath === undefined) notes.push(`upload key: the file named by ${WEAPP_UPLOAD.keyPathEnv} (not set here)`);
  else if (!fs.existsSync(keyPath)) problems.push(`${WEAPP_UPLOAD.keyPathEnv} names ${keyPath}, which does not exist`);
  else if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(fs.readFileSync(keyPath, 'utf8'))) problems.push(`${WEAPP_UPLOAD.keyPathEnv}: ${keyPath} is not a PEM private key (download it from the MP console)`);
  else notes.push(`upload key: ${keyPath}`);
  notes.push(`project: ${WEAPP_UPLOAD.buildDir} (npm run build:weapp), uploaded with miniprogram-ci as a development version, robot 1`);
  return { problems, notes };
}

/** The real upload: builds nothing itself (the deploy ran `npm run build:weapp`), sends dist/ with the key. */
export async function uploadWeapp(env: NodeJS.ProcessEnv, version: string, desc: string, root = ROOT): Promise<void> {
  const appid = env[WEAPP_UPLOAD.appidEnv];
  const privateKeyPath = env[WEAPP_UPLOAD.keyPathEnv];
  if (!appid || !privateKeyPath) throw new Error(`set ${WEAPP_UPLOAD.appidEnv} and ${WEAPP_UPLOAD.keyPathEnv} to upload the mini program`);
  // loaded only here: the dry-run never needs it
  const ci = (await import('miniprogram-ci')) as unknown as {
    Project: new (o: { appid: string; type: string; projectPath: string; privateKeyPath: string; ignores: string[] }) => unknown;
    upload: (o: { project: unknown; version: string; desc: string; robot: number; setting: Record<string, boolean> }) => Promise<unknown>;
  };
  const project = new ci.Project({ appid, type: 'miniProgram', projectPath: path.join(root, WEAPP_UPLOAD.buildDir), privateKeyPath, ignores: ['node_modules/**/*'] });
  await ci.upload({ project, version, desc, robot: 1, setting: { es6: false, minify: true } });
}
