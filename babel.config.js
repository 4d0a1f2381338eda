// babel-preset-taro compiles the mini program (src/); Jest uses @swc/jest and ignores this file.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
