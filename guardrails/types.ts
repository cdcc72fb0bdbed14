import type { GuardrailClassification, GuardrailFinding } from '../domain/guardrail.js';

export type { GuardrailClassification, GuardrailFinding };

export interface ScreenResult {
  classification: GuardrailClassification;
  findings: GuardrailFinding[];
  /** The text with PII replaced by stable tokens (⟨EMAIL_1⟩): what the LLM and the logs see. */
  redacted: string;
}
