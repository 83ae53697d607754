import { writeFileAtomic } from '../io/atomic-write.js';
import { checkOutputPath, STDOUT } from '../io/output-path.js';
import { sanitizeLine } from '../text/sanitize.js';

export interface OutputPlan<Options extends { color: boolean; width: number }> {
  format: string;
  out: string | undefined;
  /** Every file the command read: the output may be none of them (SPEC §2). */
  inputs: readonly string[];
  quiet: boolean;
  /** Render options for the screen; a file gets the same without colour, at 80 columns. */
  screen: Options;
  /** The chosen format: text, or the bytes of a file format (xlsx, pptx: only with `out`). */
  render: (options: Options) => string | Uint8Array | Promise<string | Uint8Array>;
  /** The same in pieces, for a report too large to hold as one string; used instead of `render` when given. */
  renderPieces?: ((options: Options) => Iterable<string>) | undefined;
  /** The text report, loaded only when it goes to the screen next to a file. */
  loadText: () => Promise<(options: Options) => string>;
  warnings: readonly string[];
}

/**
 * The output policy shared by `score` and `diff`: `--out` writes the chosen format atomically and
 * keeps the text on the screen; without it the format goes to stdout; `--quiet` silences the text
 * only; warnings go to stderr whenever the text (which lists them) is not on the screen.
 * `--out -` is standard output, as without --out. An output that is an input is refused first.
 */
export async function writeReportOutputs<Options extends { color: boolean; width: number }>(plan: OutputPlan<Options>): Promise<void> {
  let textOnScreen = false;
  const out = plan.out === STDOUT ? undefined : plan.out;
  if (out !== undefined) {
    await checkOutputPath(out, plan.inputs);
    const fileOptions = { ...plan.screen, color: false, width: 80 };
    await writeFileAtomic(out, plan.renderPieces ? plan.renderPieces(fileOptions) : await plan.render(fileOptions));
    if (!plan.quiet) {
      const renderText = await plan.loadText();
      process.stdout.write(renderText(plan.screen));
      textOnScreen = true;
      process.stderr.write(`cxm: wrote ${sanitizeLine(out)}\n`);
    }
  } else if (!plan.quiet || plan.format !== 'text') {
    // --quiet silences the text summary; a format asked for on stdout is the output itself.
    const stdoutOptions = { ...plan.screen, color: plan.format === 'text' && plan.screen.color };
    if (plan.renderPieces) await writePieces(plan.renderPieces(stdoutOptions));
    else process.stdout.write(await plan.render(stdoutOptions));
    textOnScreen = plan.format === 'text';
  }
  if (!textOnScreen && !plan.quiet) for (const warning of plan.warnings) process.stderr.write(`warning: ${sanitizeLine(warning)}\n`);
}

/** Each piece after the reader has taken the last; a reader that has gone (EPIPE) ends the writing. */
async function writePieces(pieces: Iterable<string>): Promise<void> {
  const out = process.stdout;
  for (const piece of pieces) {
    if (out.destroyed) return;
    if (!out.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          out.off('drain', done).off('close', done).off('error', done);
          resolve();
        };
        out.on('drain', done).on('close', done).on('error', done);
      });
    }
  }
}
