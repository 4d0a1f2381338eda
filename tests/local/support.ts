/**
 * Shared helpers of the local-cloud tests: a fresh stand-in under the REAL wx-server-sdk, and the
 * SDK's database client as production code obtains it (cloudfunctions/platform/cloud.ts).
 */
import path from 'node:path';
import { isDuplicateKey } from '../../cloudfunctions/data/errors';
import { cloud, database } from '../../cloudfunctions/platform/cloud';
import { installLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local/cloud/install';

/** The SDK's Db, untyped on purpose: the tests speak the SDK's JavaScript API, the wire is what is checked. */
export type Db = any;

export interface Fresh {
  handle: LocalCloud;
  db: Db;
  /** db.command */
  _: any;
  /** the wx-server-sdk module (getWXContext, openapi, ...) */
  sdk: any;
}

/** Installs a fresh local cloud (empty database, given indexes; none unless told) and returns the SDK's database client. */
export function fresh(options: LocalCloudOptions = {}): Fresh {
  const handle = installLocalCloud({ indexes: {}, ...options });
  const db: Db = database();
  return { handle, db, _: db.command, sdk: cloud() };
}

/** TcbDBApiHttpRequester, resolved the same way local/cloud/install.ts resolves it. */
export function requesterClass(): { prototype: { send: (action: string, params?: Record<string, unknown>) => Promise<unknown> } } {
  const sdkDir = path.dirname(require.resolve('wx-server-sdk'));
  const nodeSdkDir = path.dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] }));
  return require(path.join(nodeSdkDir, 'dist/utils/tcbdbapirequester.js')).TcbDBApiHttpRequester;
}

/** The error a rejected promise carries (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject, it resolved');
}

/** The text of an SDK error (wx-server-sdk errors carry errMsg; raw answers carry message). */
export function errorText(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { errMsg?: unknown; message?: unknown };
    return String(e.errMsg ?? e.message ?? '');
  }
  return String(err);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A duplicate-key error naming this index (the stand-in names it as MongoDB does; production code does not rely on it). */
export function duplicateOn(err: unknown, index: string): boolean {
  return isDuplicateKey(err) && errorText(err).includes(`index: ${index}`);
}
