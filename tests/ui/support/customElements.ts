/**
 * Stands in for `@tarojs/components/dist/components`, the Stencil web components behind Taro's
 * React components. The React wrappers in `@tarojs/components/lib/react` are the real ones (props,
 * `className`, events bound as `addEventListener(<lowercase name>)`, `e.detail` as Taro sends it);
 * with `DEPRECATED_ADAPTER_COMPONENT` set (setup.ts) they never define the elements, so
 * `<taro-view-core>` and friends stay plain elements in jsdom. The real module would drag in
 * Swiper, hls.js and Taro's runtime with its build-time globals.
 */
export {};
