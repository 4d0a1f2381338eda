import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const sources = (dir: string) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => `${dir}/${f}`);

describe('WeChat-only calls', () => {
  it('only modules named weapp.ts name `wx` (typed by miniprogram-api-typings there; the functions, the stand-in and the H5 preview have none): src/services/weapp.ts, a service’s own for calls only subpackages make (services/album/weapp.ts), and a subpackage’s own for calls only it makes (both kept out of the main package)', () => {
    const files = [...sources('src'), ...sources('cloudfunctions'), ...sources('local')];
    const naming = files.filter((f) => /(^|[^.\w$'"])wx\.\w/.test(readFileSync(join(ROOT, f), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(naming).toContain('src/services/weapp.ts');
    for (const f of naming) expect(f).toMatch(/^src\/(services(\/[^/]+)?|packages\/[^/]+(\/[^/]+)*)\/weapp\.ts$/);
  });

  it('the weapp typings are in the type-check, so a wrong shape on those paths fails tsc', () => {
    const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { types: string[] } };
    expect(tsconfig.compilerOptions.types).toContain('miniprogram-api-typings');
  });
});
