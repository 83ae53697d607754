import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { packageRoot, runsFromDist } from './bundled.js';
import type { DiscoveredFile } from './discover-answers.js';
import { loadForScoring, type FileResult, type LoadForScoringOptions } from './load-for-scoring.js';
import type { BatchReply, BatchRequest } from './score-worker.js';

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 200;
const BATCH_SIZE = 64;
/** Batches in flight per worker: keeps every core busy while memory stays flat (results are consumed in order). */
const IN_FLIGHT_PER_WORKER = 3;

/**
 * Loads answer files for scoring and yields each result in the order given. Large sets are spread
 * over worker threads (parsing YAML is the cost; every core helps); small ones stay in-process.
 * CXM_WORKERS=0 forces in-process loading, CXM_WORKERS=n sets the number of workers.
 */
export async function* loadMany(files: readonly DiscoveredFile[], options: LoadForScoringOptions): AsyncGenerator<[DiscoveredFile, FileResult]> {
  const workerScript = findWorkerScript();
  const workers = await workerCount(files.length);
  if (!workerScript || workers < 1) {
    for (let start = 0; start < files.length; start += 16) {
      const batch = files.slice(start, start + 16);
      // A copy, as a worker would send it: values parsed from YAML can be slices of the file's text,
      // and keeping a respondent's name must not keep the whole file in memory.
      const results = structuredClone(await Promise.all(batch.map((f) => loadForScoring(f.path, f.fromFolder, options))));
      yield* zip(batch, results);
    }
    return;
  }
  yield* loadInWorkers(files, workerScript, workers, options);
}

async function workerCount(fileCount: number): Promise<number> {
  const configured = process.env.CXM_WORKERS;
  if (configured !== undefined && configured !== '') return Math.max(0, Math.floor(Number(configured)) || 0);
  if (fileCount < PARALLEL_THRESHOLD) return 0;
  // Loaded only for a batch: node:os and node:worker_threads cost a one-file score several ms.
  const { availableParallelism } = await import('node:os');
  return Math.min(availableParallelism(), 8, Math.ceil(fileCount / BATCH_SIZE));
}

/** The bundled worker exists only in dist/; tests that run the TypeScript sources load in-process. */
function findWorkerScript(): string | undefined {
  if (!runsFromDist()) return undefined;
  const script = join(packageRoot(), 'dist', 'score-worker.js');
  return existsSync(script) ? script : undefined;
}

async function* loadInWorkers(
  files: readonly DiscoveredFile[],
  script: string,
  count: number,
  options: LoadForScoringOptions,
): AsyncGenerator<[DiscoveredFile, FileResult]> {
  const batches: DiscoveredFile[][] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) batches.push(files.slice(start, start + BATCH_SIZE));
  const { Worker } = await import('node:worker_threads');
  const pool = Array.from({ length: count }, () => new Worker(script));
  const pending = new Map<number, { resolve: (reply: BatchReply) => void; promise: Promise<BatchReply> }>();
  let failure: Error | undefined;
  const expect = (batch: number) => {
    let resolve!: (reply: BatchReply) => void;
    const promise = new Promise<BatchReply>((r) => (resolve = r));
    pending.set(batch, { resolve, promise });
  };
  for (const worker of pool) {
    worker.on('message', (reply: BatchReply) => {
      pending.get(reply.batch)?.resolve(reply);
    });
    worker.on('error', (error) => {
      failure = error;
      for (const slot of pending.values()) slot.resolve({ batch: -1, results: [], error: error.message });
    });
  }
  let dispatched = 0;
  const dispatch = () => {
    // Round-robin keeps each worker's queue short and the order of completion close to file order.
    while (dispatched < batches.length && dispatched < consumed + count * IN_FLIGHT_PER_WORKER) {
      const worker = pool[dispatched % count];
      expect(dispatched);
      worker?.postMessage({ batch: dispatched, files: batches[dispatched] ?? [], options } satisfies BatchRequest);
      dispatched++;
    }
  };
  let consumed = 0;
  try {
    dispatch();
    while (consumed < batches.length) {
      const reply = await pending.get(consumed)?.promise;
      if (failure) throw failure;
      if (!reply || reply.error) throw new Error(`answer file worker failed: ${reply?.error ?? 'no reply'}`);
      pending.delete(consumed);
      const batch = batches[consumed] ?? [];
      consumed++;
      dispatch();
      yield* zip(batch, reply.results);
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

function* zip(files: readonly DiscoveredFile[], results: readonly FileResult[]): Generator<[DiscoveredFile, FileResult]> {
  for (const [k, file] of files.entries()) {
    const result = results[k];
    if (!result) throw new Error(`no result for ${file.path}`);
    yield [file, result];
  }
}
