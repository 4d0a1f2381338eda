/** react-dom 18.3.1 (the H5 build's renderer; @types/react-dom is not installed): the one function the app calls on it directly. */
declare module 'react-dom' {
  /** Runs `fn` and renders every React update it made before returning. */
  export function flushSync<R>(fn: () => R): R;
}

/** react-dom 18.3.1's root, as tests/ui/pageMount.test.tsx makes one (Taro's H5 runtime does the same). */
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';
  export function createRoot(container: Element): { render(children: ReactNode): void; unmount(): void };
}
