import { builtInGuardrail, type Guardrail } from './guardrail.js';
import type { ScreenResult } from './types.js';

/**
 * Classifies one inbound message. Deterministic and synchronous: the screening activity calls it, and so
 * do GraphQL's tester and the evaluation script.
 */
export function screenInbound(text: string, guardrail: Guardrail = builtInGuardrail()): ScreenResult {
  return guardrail.screen(text);
}
