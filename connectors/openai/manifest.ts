/** Vendor facts the connector relies on (research §2), in one place. */

export const OPENAI_API = 'https://api.openai.com/v1';
export const PLATFORM = 'https://platform.openai.com';

/** Largest `limit` per list endpoint. */
export const PAGE_SIZE = 100;
export const FILES_PAGE_SIZE = 10_000;

/** Model outputs are downloadable; user uploads answer 400 on `/files/{id}/content`. */
export const DOWNLOADABLE_PURPOSES = new Set(['assistants_output', 'batch_output', 'fine-tune-results']);

/** Retention types that keep no customer content. */
export const ZERO_RETENTION = new Set(['zero_data_retention', 'enhanced_zero_data_retention']);

export const DEFAULTS = { concurrency: 8, maxRetries: 4, loginLookbackDays: 180 };
