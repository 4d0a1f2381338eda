import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { resolve } from 'node:path';
import devConfig from './dev';
import prodConfig from './prod';

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
    ...(h5 ? {} : { terser: { enable: true, config: { output: { ascii_only: false } } } }),
    mini: {
      compile,
      // modules only the subpackages use stay out of the main package
      optimizeMainPackage: { enable: true },
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
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
