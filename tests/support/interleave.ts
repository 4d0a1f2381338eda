import path from 'node:path';
import { currentScope, type CallScope } from '../../local/cloud/context';

export type Send = (this: unknown, action: string, params?: Record<string, unknown>) => Promise<unknown>;

/** The SDK's requester class, whose send() the local cloud answers (wrap it after createHarness()). */
export function requesterClass(): { prototype: { send: Send } } {
  const sdkDir = path.dirname(require.resolve('wx-server-sdk'));
  const nodeSdkDir = path.dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] }));
  return require(path.join(nodeSdkDir, 'dist/utils/tcbdbapirequester.js')).TcbDBApiHttpRequester;
}

export interface Hold {
  /** resolves once the marked call has reached its transaction (its reads outside are done) */
  reached: Promise<void>;
  /** lets the marked call go on */
  release(): void;
  /** puts the local cloud's requester back as it was */
  restore(): void;
}

/**
 * Holds the POS call that spends `nonce` just before it starts its transaction: a test can then
 * let another call finish in between, as a slow container on the platform would. Install after
 * createHarness() (which installs the local cloud's requester this wraps).
 */
export function holdBeforeTransaction(nonce: string): Hold {
  const Requester = requesterClass();
  const original = Requester.prototype.send;
  let marked: CallScope | null = null;
  let reach!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((r) => (reach = r));
  const released = new Promise<void>((r) => (release = r));
  let held = false;
  Requester.prototype.send = async function send(this: unknown, action: string, params: Record<string, unknown> = {}) {
    if (action === 'database.insertDocument' && params.collectionName === 'posNonces' && JSON.stringify(params.data).includes(nonce)) marked = currentScope();
    if (action === 'database.startTransaction' && !held && marked !== null && currentScope() === marked) {
      held = true;
      reach();
      await released;
    }
    return original.call(this, action, params);
  };
  return { reached, release, restore: () => (Requester.prototype.send = original) };
}
