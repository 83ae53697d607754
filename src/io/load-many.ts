import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { packageRoot, runsFromDist } from './bundled.js';
import type { DiscoveredFile } from './discover-answers.js';
import { loadForScoring, type FileResult, type LoadForScoringOptions } from './load-for-scoring.js';
import { isStdin } from './read-stdin.js';
import type { BatchReply, BatchRequest } from './score-worker.js';

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 200;
const BATCH_SIZE = 64;
/** Batches in flight per worker: keeps every core busy while memory stays flat (results are consumed in order). */
const IN_FLIGHT_PER_WORKER = 3;
/**
 * A worker's old generation holds ~12 MB live (code, the questionnaire, one batch), but left alone
 * V8 lets its young and old generations grow to ~50 MB over a long run, in each worker: most of the
 * growth of a 20,000-file score. Within these limits it collects sooner instead. The old limit needs
 * headroom above the live set: at 20 MB workers spent most of their time in full collections (a
 * 10,000-file score took 45 s instead of 5). A batch that does not fit (a huge answer file) ends
 * its worker and is loaded in-process.
 */
const WORKER_HEAP_LIMITS = {
  maxYoungGenerationSizeMb: 24,
  maxOldGenerationSizeMb: 32,
};

/**
 * Loads answer files for scoring and yields each result in the order given. Large sets are spread
 * over worker threads (parsing YAML is the cost; every core helps); small ones stay in-process.
 * CXM_WORKERS=0 forces in-process loading, CXM_WORKERS=n sets the number of workers.
 */
export async function* loadMany(
  files: readonly DiscoveredFile[],
  options: LoadForScoringOptions,
): AsyncGenerator<[DiscoveredFile, FileResult]> {
  const workerScript = findWorkerScript();
  const workers = await workerCount(files.length);
  // A worker cannot read this process's standard input.
  if (!workerScript || workers < 1 || files.some((f) => isStdin(f.path))) {
    for (let start = 0; start < files.length; start += 16) {
      const batch = files.slice(start, start + 16);
      yield* zip(batch, await loadHere(batch, options));
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
  const started = Array.from({ length: count }, () => new Worker(script, { resourceLimits: WORKER_HEAP_LIMITS }));
  /** The workers still alive, which new batches go to. */
  const pool = [...started];
  /** Per batch sent: its worker and its reply, or undefined if the worker died of its heap limit first. */
  const pending = new Map<
    number,
    { worker: Worker; resolve: (reply: BatchReply | undefined) => void; promise: Promise<BatchReply | undefined> }
  >();
  let failure: Error | undefined;
  const expect = (batch: number, worker: Worker) => {
    let resolve!: (reply: BatchReply | undefined) => void;
    const promise = new Promise<BatchReply | undefined>((r) => (resolve = r));
    pending.set(batch, { worker, resolve, promise });
  };
  for (const worker of started) {
    worker.on('message', (reply: BatchReply) => {
      pending.get(reply.batch)?.resolve(reply);
    });
    worker.on('error', (error) => {
      // splice(-1, 1) would drop another worker, should a worker ever report two errors.
      const alive = pool.indexOf(worker);
      if (alive >= 0) pool.splice(alive, 1);
      if (isOutOfMemory(error)) {
        // A batch too big for a worker's heap (a huge answer file) is loaded again in-process.
        for (const slot of pending.values()) if (slot.worker === worker) slot.resolve(undefined);
        return;
      }
      failure = error;
      for (const slot of pending.values()) slot.resolve({ batch: -1, results: [], error: error.message });
    });
  }
  let dispatched = 0;
  const dispatch = () => {
    // Round-robin keeps each worker's queue short and the order of completion close to file order.
    while (pool.length > 0 && dispatched < batches.length && dispatched < consumed + pool.length * IN_FLIGHT_PER_WORKER) {
      const worker = pool[dispatched % pool.length];
      if (!worker) break;
      expect(dispatched, worker);
      worker.postMessage({ batch: dispatched, files: batches[dispatched] ?? [], options } satisfies BatchRequest);
      dispatched++;
    }
  };
  let consumed = 0;
  try {
    dispatch();
    while (consumed < batches.length) {
      const slot = pending.get(consumed);
      // No slot: every worker died of its heap limit before this batch was sent.
      const reply = slot ? await slot.promise : undefined;
      if (failure) throw failure;
      if (reply?.error !== undefined) throw new Error(`answer file worker failed: ${reply.error}`);
      pending.delete(consumed);
      const batch = batches[consumed] ?? [];
      consumed++;
      dispatch();
      yield* zip(batch, reply ? reply.results : await loadHere(batch, options));
    }
  } finally {
    await Promise.all(started.map((w) => w.terminate()));
  }
}

/** Loads a batch in this thread, into plain data as a worker would send it. */
async function loadHere(batch: readonly DiscoveredFile[], options: LoadForScoringOptions): Promise<FileResult[]> {
  // A copy: values parsed from YAML can be slices of the file's text, and keeping a respondent's
  // name must not keep the whole file in memory.
  return structuredClone(await Promise.all(batch.map((f) => loadForScoring(f.path, f.fromFolder, options))));
}

function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function* zip(files: readonly DiscoveredFile[], results: readonly FileResult[]): Generator<[DiscoveredFile, FileResult]> {
  for (const [k, file] of files.entries()) {
    const result = results[k];
    if (!result) throw new Error(`no result for ${file.path}`);
    yield [file, result];
  }
}
