/** Drafting, composition and preview of reports: numbers in, Vietnamese text and documents out. */
export * from './compose.js';
export * from './draft.js';
export * from './paragraphs.js';
export * from './preview.js';
export * from './sentences.js';
export type * from './types.js';
