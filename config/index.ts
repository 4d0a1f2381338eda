import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * terser's compress defaults that Taro's mini-program config turns off, back on (typeofs, the one
 * that matters for IE ≤ 10 only, too), with a second pass.
 */
const TERSER_DEFAULTS = {
  arrows: true,
  collapse_vars: true,
  comparisons: true,
  computed_props: true,
  hoist_props: true,
  inline: true,
  loops: true,
  negate_iife: true,
  properties: true,
  reduce_funcs: true,
  reduce_vars: true,
  switches: true,
  typeofs: true,
  directives: true,
  passes: 2,
};

type Chain = { optimization: { set(key: string, value: unknown): unknown }; plugin(name: string): { use(p: unknown, args?: unknown[]): unknown } };

/**
 * The mini program has no TextEncoder and lean-qr (the card's QR code) makes one when it loads:
 * every module that names it gets src/services/textEncoder.ts instead (no global is touched).
 */
function provideTextEncoder(chain: Chain, webpack: { ProvidePlugin: unknown }) {
  chain.plugin('styleclub-text-encoder').use(webpack.ProvidePlugin, [{ TextEncoder: [resolve(__dirname, '..', 'src', 'services', 'textEncoder.ts'), 'TextEncoder'] }]);
}

/**
 * H5: the first tab page's script and styles (the card, where the app opens) are fetched beside the
 * app's own instead of after it has run (webpack would ask for them only once the router starts):
 * a preload link for each file of the chunks that hold src/pages/card/index, added to index.html.
 */
class PreloadFirstPage {
  apply(compiler: any) {
    compiler.hooks.compilation.tap('styleclub-preload-first-page', (compilation: any) => {
      const HtmlWebpackPlugin = require('html-webpack-plugin');
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTags.tapAsync('styleclub-preload-first-page', (data: any, done: (e: unknown, d: unknown) => void) => {
        const files = new Set<string>();
        for (const chunk of compilation.chunks) {
          const holdsCard = [...compilation.chunkGraph.getChunkModulesIterable(chunk)].some((m: any) => /src[\\/]pages[\\/]card[\\/]index\.tsx$/.test(m.resource ?? m.rootModule?.resource ?? ''));
          if (holdsCard && !chunk.canBeInitial()) for (const f of chunk.files) files.add(f);
        }
        const publicPath = compilation.outputOptions.publicPath === 'auto' ? '/' : compilation.outputOptions.publicPath ?? '/';
        for (const f of [...files].sort()) {
          const as = f.endsWith('.css') ? 'style' : f.endsWith('.js') ? 'script' : null;
          if (as) data.assetTags.styles.unshift({ tagName: 'link', voidTag: true, meta: { plugin: 'styleclub-preload-first-page' }, attributes: { rel: 'preload', as, href: `${publicPath}${f}` } });
        }
        done(null, data);
      });
    });
  }
}

/** The app's sources: the folder the H5 request redirects below start from. */
const SRC = resolve(__dirname, '..', 'src');

/**
 * Rewrites module requests before webpack resolves them: `redirect` gets the request and the path of
 * the module asking for it, and answers the request to use instead (or nothing, to leave it).
 */
class RedirectRequests {
  constructor(
    private readonly name: string,
    private readonly redirect: (request: string, issuer: string) => string | undefined,
  ) {}
  apply(compiler: any) {
    compiler.hooks.normalModuleFactory.tap(this.name, (factory: any) => {
      factory.hooks.beforeResolve.tap(this.name, (data: any) => {
        const to = this.redirect(data.request, data.contextInfo?.issuer ?? '');
        if (to !== undefined) data.request = to;
      });
    });
  }
}

/**
 * H5: Taro aliases `@tarojs/components` to one module that wraps every component, and webpack keeps
 * in it the union of what the whole app uses (the pickers, inputs, switches and scroll views of the
 * subpackages); each page's chunk then carries all of them — the card's too, before its code shows
 * (≈50 KB unminified). Each source folder gets its own instance of that module instead (the same file
 * with a `?for=<folder>` query), which keeps only the components that folder names; the components'
 * definitions stay shared, and each registers its custom element once.
 */
function componentsPerFolder(request: string, issuer: string): string | undefined {
  if (request !== '@tarojs/components' || !issuer.startsWith(SRC + '/')) return undefined;
  const wrappers = resolve(require.resolve('@tarojs/components/package.json'), '..', 'lib', 'react', 'components.js');
  return `${wrappers}?for=${relative(SRC, dirname(issuer)).replace(/[^\w]+/g, '-')}`;
}

/**
 * H5: @tarojs/router's tab bar set-up (`./tabbar.js`, imported by its index) is replaced by
 * src/services/tabBar.h5.ts, which mounts the same tab bar once the first page has painted (the why
 * is in that file). Only that one import is redirected; the wrapper imports the original itself.
 */
function tabBarAfterFirstPage(request: string, issuer: string): string | undefined {
  if (request !== './tabbar.js') return undefined;
  const routerIndex = resolve(require.resolve('@tarojs/router/package.json'), '..', 'dist', 'index.js');
  return issuer === routerIndex ? resolve(SRC, 'services', 'tabBar.h5.ts') : undefined;
}

/** The analysis build's webpack changes: readable module ids, one module per id, stats to `file`. */
function analyze(file: string) {
  return (chain: Chain) => {
    chain.optimization.set('moduleIds', 'named');
    chain.optimization.set('concatenateModules', false);
    chain.plugin('styleclub-analyze').use(
      class {
        apply(compiler: { hooks: { done: { tap(name: string, fn: (stats: { toJson(o: object): unknown }) => void): void } } }) {
          compiler.hooks.done.tap('styleclub-analyze', (stats) => {
            writeFileSync(file, JSON.stringify(stats.toJson({ all: false, chunks: true, chunkModules: true, modules: true, nestedModules: true, ids: true })));
          });
        }
      },
    );
  };
}

/** One source, two builds: weapp to dist/ (opened by DevTools through the root project.config.json), H5 to dist-h5/ (served by the dev server). */
export default defineConfig<'webpack5'>(async (merge) => {
  const h5 = process.env.TARO_ENV === 'h5';
  // the app shares the functions' contract (types, error codes, zod-free field rules): compile it too
  const compile = { include: [resolve(__dirname, '..', 'cloudfunctions', 'contract')] };
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'styleclub',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // STYLECLUB_OUTPUT_ROOT (relative to the repo) lets the build test write beside, not over, dist/
    outputRoot: process.env.STYLECLUB_OUTPUT_ROOT || (h5 ? 'dist-h5' : 'dist'),
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // the mini program's Chinese text as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6,
    // Taro's default for mini programs): WeChat reads package files as UTF-8, and the main package's
    // 2 MB limit counts bytes (−10 KB here). The H5 build keeps the default.
    //
    // compress: terser's own defaults (what the H5 build and webpack use), two passes, in place of
    // Taro's mini-program defaults that switch most of them off (reduce_vars, collapse_vars, inline,
    // …): the output is still ES5 (ecma 5 stays). −5 KB over taro.js, app.js and the pages.
    ...(h5 ? {} : { terser: { enable: true, config: { output: { ascii_only: false }, compress: TERSER_DEFAULTS } } }),
    mini: {
      compile,
      // modules only the subpackages use stay out of the main package
      optimizeMainPackage: { enable: true },
      // base.wxml repeats every nestable template once per level (≈2.8 KB a level here). Our deepest
      // trees (measured with tests/bench/depthProbe.ts over the screenshot scripts' states; H5 counts
      // its pull-to-refresh wrapper, which the mini program does not have): the tab pages at most 5
      // views deep (积分's progress bar, 会员卡's card), so with 6 levels they render from base.wxml's
      // templates; views 6 or more deep (in subpackages: join's and 编辑资料's avatar, 积分兑换's
      // tickets, the style swatches) render through Taro's `comp` custom component instead, one small
      // component each. −28 KB against Taro's 16. (Read by Taro's MiniPlugin from the mini config;
      // its config types do not list it.)
      ...({ baseLevel: 6 } as object),
      // base.wxml, comp.wxml and the pages' .wxml without the indentation (−1.7 KB)
      minifyXML: { collapseWhitespace: true },
      // STYLECLUB_ANALYZE=<file.json>: named module ids, no concatenation and webpack's module stats
      // written to the file (tests/bench/mainPackageModules.ts reads them)
      webpackChain(chain: Chain, webpack: { ProvidePlugin: unknown }) {
        provideTextEncoder(chain, webpack);
        if (process.env.STYLECLUB_ANALYZE) analyze(process.env.STYLECLUB_ANALYZE)(chain);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[chunkhash].css' },
      webpackChain(chain: Chain) {
        chain.plugin('styleclub-preload-first-page').use(PreloadFirstPage);
        chain.plugin('styleclub-components-per-folder').use(RedirectRequests, ['styleclub-components-per-folder', componentsPerFolder]);
        chain.plugin('styleclub-tab-bar-after-first-page').use(RedirectRequests, ['styleclub-tab-bar-after-first-page', tabBarAfterFirstPage]);
        if (process.env.STYLECLUB_ANALYZE) analyze(process.env.STYLECLUB_ANALYZE)(chain);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
