/**
 * The defaults of the SPEC, each once: commander shows them in --help and the core falls back on
 * them. No imports, so that the program can name them without loading the core.
 */

/** A capability whose respondents' scores spread this many points or more is a disagreement (SPEC §5). */
export const DEFAULT_SPREAD = 25;

/** `cxm diff`: changes within ±this many points count as unchanged. */
export const DEFAULT_TOLERANCE = 0.5;

/** A question whose answers spread this many points or more is put to discussion (SPEC §5 `--discuss`). */
export const DEFAULT_DISCUSS = 50;
