// Credentials pasted into a chat: keys of well-known providers by their documented shapes, private keys,
// tokens and "password: …" assignments. The message is blocked so the secret never reaches the LLM.
import type { GuardrailFinding } from './types.js';

const SECRET_SHAPES: Array<{ id: string; pattern: RegExp }> = [
  { id: 'aws_access_key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { id: 'github_token', pattern: /\bgh[pousr]_[A-Za-z0-9]{30,255}\b/g },
  { id: 'slack_token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,100}\b/g },
  { id: 'api_secret_key', pattern: /\b(?:sk|rk)[-_](?:live[-_]|test[-_]|proj[-_])?[A-Za-z0-9]{20,200}\b/g },
  { id: 'google_api_key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { id: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { id: 'private_key', pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/g },
  { id: 'credential_assignment', pattern: /\b(?:password|passwd|pwd|passcode|api[_ -]?key|secret[_ -]?key|access[_ -]?token|client[_ -]?secret)\s*(?:[:=]|\bis\b)\s*["']?[^\s"']{6,100}/gi },
];

// Shared jailbreak prompts leave a slot for the real request: "<thing to get tutorial>", "[INSERT PROMPT HERE]".
// A customer writing to a business has no reason to.
const TEMPLATE_SLOT = /[<[{]\s?(?:insert|your|enter|type|put|thing|topic|prompt|question|request|query)\b[^<>[\]{}\n]{0,40}[>\]}]/gi;

/** Template slots of shared jailbreak prompts: a weak signal, blocking only with others. */
export function findTemplateSlots(text: string): GuardrailFinding[] {
  const findings: GuardrailFinding[] = [];
  for (const match of text.matchAll(TEMPLATE_SLOT)) {
    findings.push({ rule: 'security.prompt_template_slot', class: 'security_violation', severity: 'medium', start: match.index, end: match.index + match[0].length });
    break;
  }
  return findings;
}

export function findSecrets(text: string): GuardrailFinding[] {
  const findings: GuardrailFinding[] = [];
  for (const { id, pattern } of SECRET_SHAPES) {
    for (const match of text.matchAll(pattern)) {
      findings.push({ rule: `security.pasted_secret.${id}`, class: 'security_violation', severity: 'high', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}
