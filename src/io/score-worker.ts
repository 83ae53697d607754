import { parentPort } from 'node:worker_threads';
import { loadForScoring, type FileResult, type LoadForScoringOptions } from './load-for-scoring.js';

/** Messages between scoreAnswerPaths and its workers. */
export interface BatchRequest {
  batch: number;
  files: { path: string; fromFolder: boolean }[];
  options: LoadForScoringOptions;
}
export interface BatchReply {
  batch: number;
  results: FileResult[];
  /** A crash (not a user error): the main thread re-throws it. */
  error?: string;
}

// A worker reads, parses and validates answer files; the main thread only merges, in file order.
parentPort?.on('message', async (request: BatchRequest) => {
  try {
    const results: FileResult[] = [];
    for (const file of request.files) results.push(await loadForScoring(file.path, file.fromFolder, request.options));
    parentPort?.postMessage({ batch: request.batch, results } satisfies BatchReply);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    parentPort?.postMessage({ batch: request.batch, results: [], error: message } satisfies BatchReply);
  }
});
