import { wx } from './taro';

/**
 * Runs before every `ui` test file. Taro's build defines `DEPRECATED_ADAPTER_COMPONENT`; true
 * makes `@tarojs/components/lib/react` render the Stencil tags without defining them (see
 * customElements.ts), so a test fires the events those components would emit, e.g.
 * `new CustomEvent('input', { detail: { value } })` on `taro-input-core`.
 */
(globalThis as { DEPRECATED_ADAPTER_COMPONENT?: boolean }).DEPRECATED_ADAPTER_COMPONENT = true;

// the mini program's global `wx`, for the calls src/services/weapp.ts makes on it (support/taro.ts)
(globalThis as unknown as { wx: typeof wx }).wx = wx;

// tests choose the platform themselves: unset is the mini program path of src/services/cloud.ts
delete process.env.TARO_ENV;

// jsdom has no TextEncoder (lean-qr makes one when it loads); Node's is the platform's own
import { TextEncoder as NodeTextEncoder } from 'node:util';
if (typeof globalThis.TextEncoder === 'undefined') (globalThis as { TextEncoder: unknown }).TextEncoder = NodeTextEncoder;
