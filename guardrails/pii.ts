// PII detection lives in ./pii/, one detector per file; this module is the stable entry point the screens,
// the drafter and the evaluation script import.
export { findPii, redact } from './pii/index.js';
export { redactWithTokens, restoreTokens } from './pii/redact.js';
