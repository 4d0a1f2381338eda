/**
 * How pages are mounted (pageMount.h5.ts is the H5 build's): in the mini program Taro's own renderer
 * mounts them and there is nothing to change; this file is what the mini program and the tests use.
 */
export function renderPagesAtOnce(): void {}
