import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface DevServer {
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** stdout and stderr so far */
  output(): string;
  stop(): Promise<void>;
  /** kill -9: no chance to flush or close anything */
  crash(): Promise<void>;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'styleclub-'));
}

/** Starts the dev server exactly as `npm start` does (one process, so kill -9 hits the server). */
export interface StartOptions {
  dataDir?: string;
  args?: string[];
  port?: string;
  timeoutMs?: number;
}

function spawnServer(options: StartOptions, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'local/server.ts', ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, PORT: options.port ?? '0', STYLECLUB_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts a server that is expected to refuse to start: its exit code and output. */
export function failedStart(options: StartOptions): Promise<{ code: number | null; output: string }> {
  const child = spawnServer(options, options.dataDir ?? tempDataDir());
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

export function startDevServer(options: StartOptions = {}): Promise<DevServer> {
  // a data dir made here is this server's alone: stop() removes it (a caller's own dir outlives restarts)
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? tempDataDir();
  const child = spawnServer(options, dataDir);
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server did not print its URL in time:\n${out}`)), options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /StyleClub dev server: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          dataDir,
          output: () => out,
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
            if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
          },
          async crash() {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dev server exited (${code}) before printing its URL:\n${out}`));
    });
  });
}

/** POSTs JSON (or a raw string) and answers status and parsed body. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Runs tasks with at most `limit` in flight. */
export async function pool<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}
