/**
 * What the weapp main package is made of: an analysis build (STYLECLUB_ANALYZE: named module ids,
 * no module concatenation; see config/index.ts) into bench/tmp/analyze-dist/, then each main-package
 * script's modules with their minified bytes, largest first. The analysis build is a little larger
 * than the real one (no concatenation, ids as paths): read the figures as shares, not as totals.
 *
 *   npx tsx tests/bench/mainPackageModules.ts [topN]
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildWeapp, measurePackages } from './mainPackage';
import { table } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'bench/tmp/analyze-dist');
const STATS = path.join(ROOT, 'bench/tmp/analyze-stats.json');

/** `"./path": function(...){...}` entries of a webpack chunk with named ids, with their bytes. */
export function modulesOf(js: string): Array<{ module: string; bytes: number }> {
  const starts = [...js.matchAll(/"(\.\/[^"]+|node_modules\/[^"]+)":/g)].map((m) => ({ at: m.index!, module: m[1]! }));
  return starts
    .map((s, i) => ({ module: s.module.replace(/^.*!/, '').replace(/^.*entry-cache\.js\?name=([^!]+)$/, '$1 (page entry)'), bytes: Buffer.byteLength(js.slice(s.at, starts[i + 1]?.at ?? js.length)) }))
    .sort((a, b) => b.bytes - a.bytes);
}

async function main(top: number): Promise<void> {
  fs.rmSync(OUT, { recursive: true, force: true });
  await buildWeapp(ROOT, path.join(ROOT, 'bench/tmp/analyze-build.log'), { STYLECLUB_OUTPUT_ROOT: path.relative(ROOT, OUT), STYLECLUB_ANALYZE: STATS });
  const sizes = measurePackages(OUT);
  for (const f of sizes.mainFiles.filter((x) => x.file.endsWith('.js'))) {
    const mods = modulesOf(fs.readFileSync(path.join(OUT, f.file), 'utf8'));
    if (!mods.length) continue;
    console.log(`\n${f.file} (${f.bytes.toLocaleString('en')} bytes, ${mods.length} modules)`);
    console.log(table(['module', 'bytes'], mods.slice(0, top).map((m) => [m.module, m.bytes])));
  }
}

if (require.main === module) {
  main(Number(process.argv[2] ?? 15)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
