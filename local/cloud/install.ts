import { createHash } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
// bundled along with the stand-in, so a bundled copy needs no file paths
import deployedIndexes from '../../cloudfunctions/database/indexes.json';
import path from 'node:path';
import type { Clock } from '../../cloudfunctions/platform/clock';
import { setFunctionClock, systemClock } from '../../cloudfunctions/platform/clock';
import { CallScope, currentScope, newScope, resetBackgroundScope, runInScope } from './context';
import { LocalDatabase } from './database';
import type { IndexFile } from './indexes';
import { Journal } from './journal';
import { OpenApiFakes } from './openapi';
import type { LatencyModel } from './latency';
import { LocalRequester } from './requester';
import { markTransactionFlows } from './sdkTransactions';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { couponWrites, DEMO_STORES, demoWrites, referralWrites } from '../seed';

/** The SDK versions whose wire format this stand-in speaks (tests/local/canary.test.ts pins it). */
export const PINNED = { 'wx-server-sdk': '4.0.2', '@cloudbase/node-sdk': /^3\.17\./, '@cloudbase/database': '1.4.3' };

export interface LocalCloudOptions {
  /** keep documents in this fsync'd journal (dev server); omitted: in memory only (tests) */
  journalFile?: string;
  clock?: Clock;
  indexes?: IndexFile;
  /** write the demo stores, staff and catalogue when the database has no stores yet */
  seed?: boolean;
  /** abort a transaction left open this long (default: the platform's 30 s; tests make it short) */
  transactionTimeoutMs?: number;
  /**
   * collections whose removed documents leave no history in the journal: the removal is answered
   * once the journal has been rewritten without it (default: the members, who take their personal
   * data along when they leave)
   */
  eraseHistoryOf?: string[];
  /**
   * past this many documents in a collection, refuse a query no declared index serves (default
   * INDEX_COVERAGE_FROM; Infinity: off, for tests of the stand-in's own planner on ad-hoc indexes)
   */
  indexCoverageFrom?: number;
  /**
   * the platform's costs, off unless given (latency.ts): a delay per database request and one
   * write at a time per document — for the bench's simulations, not for tests of behaviour
   */
  latency?: LatencyModel;
}

export interface CallResult<T> {
  result: T;
  /** database requests the call sent */
  requests: number;
  docsExamined: number;
}

export interface LocalCloud {
  db: LocalDatabase;
  openapi: OpenApiFakes;
  clock: Clock;
  /** true when the journal ended in a torn line that was dropped on load */
  droppedTornLine: boolean;
  /** 'timedOut' (transaction id) when a transaction left open is aborted */
  transactionEvents: EventEmitter;
  /**
   * Runs fn as one cloud function call by this caller (null: no identity), started by `source`
   * (getWXContext().SOURCE): by default the mini program when there is a caller, and nothing named
   * without one (a script or a test acting as the brand's operator).
   */
  call<T>(openid: string | null, fn: () => Promise<T> | T, source?: string | null): Promise<CallResult<T>>;
  close(): void;
}

function versionOf(pkgDir: string): string {
  return JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
}

function resolveSdk() {
  const sdkMain = require.resolve('wx-server-sdk');
  const sdkDir = path.dirname(sdkMain);
  const nodeSdkDir = path.dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] }));
  const databaseDir = path.dirname(require.resolve('@cloudbase/database/package.json', { paths: [nodeSdkDir] }));
  const found = {
    'wx-server-sdk': versionOf(sdkDir),
    '@cloudbase/node-sdk': versionOf(nodeSdkDir),
    '@cloudbase/database': versionOf(databaseDir),
  };
  if (found['wx-server-sdk'] !== PINNED['wx-server-sdk'] || !PINNED['@cloudbase/node-sdk'].test(found['@cloudbase/node-sdk']) || found['@cloudbase/database'] !== PINNED['@cloudbase/database']) {
    throw new Error(`the local cloud speaks the wire format of ${JSON.stringify(PINNED)}, found ${JSON.stringify(found)}: re-measure the seam (PITFALLS) before bumping`);
  }
  const requesterModule = require(path.join(nodeSdkDir, 'dist/utils/tcbdbapirequester.js'));
  const transactionModule = require(path.join(databaseDir, 'dist/commonjs/transaction/index.js'));
  return { cloud: require(sdkMain), Requester: requesterModule.TcbDBApiHttpRequester, transactionModule, found };
}

let active: LocalCloud | null = null;

/**
 * Installs the local CloudBase into this Node process, under the real wx-server-sdk: every
 * database request the SDK makes is answered here, getWXContext() answers per call, openapi is
 * faked. Calling it again replaces the previous one (a fresh database).
 */
export function installLocalCloud(options: LocalCloudOptions = {}): LocalCloud {
  active?.close();
  resetBackgroundScope();
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const indexes: IndexFile = options.indexes ?? (deployedIndexes as unknown as IndexFile);
  let journal: Journal | null = null;
  let droppedTornLine = false;
  let db: LocalDatabase;
  if (options.journalFile) {
    const opened = Journal.open(options.journalFile);
    journal = opened.journal;
    droppedTornLine = opened.droppedTornLine;
    db = new LocalDatabase(indexes, journal, new Set(options.eraseHistoryOf ?? [COLLECTIONS.members]), options.indexCoverageFrom);
    db.replay(opened.records);
    journal.compact(db.allDocuments());
  } else {
    db = new LocalDatabase(indexes, null, undefined, options.indexCoverageFrom);
  }
  if (options.seed && db.collection(COLLECTIONS.stores).size === 0) {
    // in memory at once; on a journal, durable by the next tick's flush
    void db.apply([...demoWrites(), ...couponWrites(db), ...referralWrites()]);
  }
  const requester = new LocalRequester(db, now, options.transactionTimeoutMs, options.latency);
  const openapi = new OpenApiFakes(now);
  const { cloud, Requester, transactionModule } = resolveSdk();
  markTransactionFlows(transactionModule);

  Requester.prototype.send = function send(action: string, params?: Record<string, unknown>) {
    return requester.send(action, params ?? {});
  };
  cloud.getWXContext = () => {
    const scope = currentScope();
    const context: Record<string, string> = { APPID: scope.appid, ENV: 'local' };
    if (scope.source) context.SOURCE = scope.source;
    if (scope.openid) context.OPENID = scope.openid;
    return context;
  };
  cloud.openapi = openapi.proxy();
  // the functions' own clock (platform/clock.ts) tells this clock's time, so handlers and serverDate() agree
  setFunctionClock(clock);
  // the functions read their phone key from the environment, as deployed; locally a fixed development key
  process.env.STYLECLUB_PHONE_KEY ??= createHash('sha256').update('styleclub-local-development-only').digest('base64');
  process.env.STYLECLUB_HOLDER_KEY ??= createHash('sha256').update('styleclub-local-holder-development-only').digest('base64');
  process.env.STYLECLUB_CODE_KEY ??= createHash('sha256').update('styleclub-local-till-code-development-only').digest('base64');
  // POS secrets come from the environment too (platform/posSecrets.ts): the demo stores' as issued secrets, any other store's derived
  process.env.STYLECLUB_POS_SECRETS ??= JSON.stringify(Object.fromEntries(DEMO_STORES.map((s) => [s._id, s.posSecret])));
  process.env.STYLECLUB_POS_KEY ??= createHash('sha256').update('styleclub-local-pos-development-only').digest('base64');

  const handle: LocalCloud = {
    db,
    openapi,
    clock,
    droppedTornLine,
    transactionEvents: requester.transactions.events,
    async call<T>(openid: string | null, fn: () => Promise<T> | T, source?: string | null): Promise<CallResult<T>> {
      const scope: CallScope = newScope(openid, source);
      const result = await runInScope(scope, fn);
      if (scope.openTransactions.size > 0) throw new Error('a call ended with a transaction still open');
      return { result, requests: scope.requests, docsExamined: scope.docsExamined };
    },
    close() {
      requester.transactions.close();
      journal?.close();
      journal = null;
      if (active === handle) {
        active = null;
        setFunctionClock(null);
      }
    },
  };
  active = handle;
  return handle;
}

