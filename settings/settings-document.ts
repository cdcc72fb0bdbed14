// Everything the settings store holds: the case policy (snapshotted by each case at its start) and the
// console's branding beside it. The API reads and writes the whole document; cases only see the policy.
import type { CasePolicy } from '../domain/policy.js';
import { DEFAULT_BRANDING, type Branding } from './branding.js';

export type SettingsDocument = CasePolicy & { branding: Branding };

export function settingsDocument(policy: CasePolicy): SettingsDocument {
  return { ...policy, branding: DEFAULT_BRANDING };
}

/** The case policy alone, as a case snapshots it: stored branding overrides stay out of workflow history. */
export function casePolicyOf(document: CasePolicy & { branding?: unknown }): CasePolicy {
  const { branding: _console, ...policy } = document;
  return policy;
}
