import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');
const FUNCTIONS_DIR = path.join(ROOT, 'cloudfunctions/functions');
const SDK_VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies['wx-server-sdk'];

export interface BuiltFunction {
  name: string;
  dir: string;
  bundleBytes: number;
}

/** The deployable functions: every folder under cloudfunctions/functions with an index.ts. */
export function functionNames(): string[] {
  return fs
    .readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(FUNCTIONS_DIR, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

/**
 * Bundles each function into outDir/<name>/: index.js (everything but wx-server-sdk, which the
 * platform installs from package.json), package.json and config.json (timeout, triggers, permissions).
 */
export async function buildFunctions(outDir = path.join(ROOT, 'dist-functions')): Promise<BuiltFunction[]> {
  const built: BuiltFunction[] = [];
  for (const name of functionNames()) {
    const dir = path.join(outDir, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [path.join(FUNCTIONS_DIR, name, 'index.ts')],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      external: ['wx-server-sdk'],
      logLevel: 'warning',
    });
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': SDK_VERSION } }, null, 2) + '\n',
    );
    const config = path.join(FUNCTIONS_DIR, name, 'config.json');
    fs.copyFileSync(config, path.join(dir, 'config.json'));
    built.push({ name, dir, bundleBytes: fs.statSync(path.join(dir, 'index.js')).size });
  }
  return built;
}

if (require.main === module) {
  buildFunctions(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
    .then((built) => {
      for (const f of built) console.log(`dist-functions/${f.name}/index.js  ${f.bundleBytes.toLocaleString('en')} bytes`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
