import { ConfigError } from '@hub/service-kit';
import { DEFAULT_EARLY_REVIEW_WORKING_DAYS } from './review/review-cycle';

/** Settings of the reviews service. */
export interface ReviewsConfig {
  /** LOCAL early-review target in working days after a trigger (REV-EARLY). @default 20 */
  earlyReviewWorkingDays: number;
  /** How often the PA-ESCALATE sweep runs, in milliseconds; 0 turns it off. @default 900000 (15 min) */
  escalationSweepMs: number;
}

function intVar(env: NodeJS.ProcessEnv, name: string, dflt: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/**
 * Parses the reviews settings once; bad values throw at start-up.
 * @param env - the environment
 * @returns the settings
 */
export function loadReviewsConfig(env: NodeJS.ProcessEnv = process.env): ReviewsConfig {
  return {
    earlyReviewWorkingDays: intVar(env, 'REVIEWS_EARLY_REVIEW_WORKING_DAYS', DEFAULT_EARLY_REVIEW_WORKING_DAYS),
    escalationSweepMs: intVar(env, 'REVIEWS_ESCALATION_SWEEP_MS', 15 * 60 * 1000),
  };
}

/** The settings in force. */
export const reviewsConfig: ReviewsConfig = loadReviewsConfig();
