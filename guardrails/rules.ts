// The built-in inbound rules. Each describes how a kind of attack or forbidden topic is phrased, not a
// list of known attack strings, so it carries over to messages nobody has seen yet.
import type { GuardrailClassification } from './types.js';

export interface InboundRule {
  id: string;
  class: Exclude<GuardrailClassification, 'in_scope'>;
  severity: 'low' | 'medium' | 'high';
  pattern: RegExp;
}

const OVERRIDE_VERB = '(?:ignore|disregard|forget|override|bypass|skip)';
const PRIOR = '(?:all|any|the|your|previous|prior|above|earlier|preceding|initial|original|system)';
const INSTRUCTIONS = '(?:instructions?|rules|prompts?|guidelines|directives|constraints|programming)';

export const BUILT_IN_RULES: InboundRule[] = [
  {
    id: 'security.instruction_override',
    class: 'security_violation',
    severity: 'high',
    pattern: new RegExp(`\\b${OVERRIDE_VERB}\\s+(?:${PRIOR}\\s+){1,3}${INSTRUCTIONS}\\b`),
  },
  {
    id: 'security.prompt_exfiltration',
    class: 'security_violation',
    severity: 'high',
    pattern: /\b(?:reveal|show|print|repeat|output|tell me|give me|leak)\b.{0,30}\b(?:system|hidden|initial|secret)\s+(?:prompt|instructions|message)\b/,
  },
  {
    id: 'security.jailbreak_persona',
    class: 'security_violation',
    severity: 'high',
    pattern: /\b(?:developer mode|jailbr(?:ea|o)k|do anything now|dan mode|no (?:restrictions|filters|limits)|without (?:any )?(?:restrictions|filters|censorship))\b/,
  },
  {
    id: 'topic.politics',
    class: 'out_of_scope',
    severity: 'low',
    pattern: /\b(?:who should i vote for|which (?:party|candidate) (?:is better|should)|your (?:political )?opinion on (?:the )?(?:election|president|government))\b/,
  },
];
