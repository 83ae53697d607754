/**
 * The defaults of the SPEC, each once: commander shows them in --help and the core falls back on
 * them. No imports, so that the program can name them without loading the core.
 */

/** A capability whose respondents' scores spread this many points or more is a disagreement (SPEC §5). */
export const DEFAULT_SPREAD = 25;

/** `cxm diff`: changes within ±this many points count as unchanged. */
export const DEFAULT_TOLERANCE = 0.5;

/** Beyond this many respondents (a survey, not a workshop), reports summarise them by role. */
export const MAX_NAMED_RESPONDENTS = 12;

/** A question whose answers spread this many points or more is on the discussion agenda (SPEC §5). */
export const DEFAULT_DISCUSS = 50;

/** Months a roadmap phase is planned to take, for its horizon ("Phase 1 · months 1–3"). */
export const DEFAULT_PHASE_MONTHS = 3;
