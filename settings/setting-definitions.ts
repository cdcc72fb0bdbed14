// Every setting an admin may change, as a dotted path into the case policy (workflows/case-policy.ts), with
// what it means and how a value is checked. Pure: used by the API (effectiveSettings, updateSettings).
import { INTENTS } from '../llm/drafter.js';
import { CHANNELS } from '../domain/case.js';
import { parseDuration } from '../domain/duration.js';
import { HEX_COLOUR } from './branding.js';
import { MAX_REPLY_LENGTH } from '../domain/case.js';

export interface SettingDefinition {
  key: string;
  description: string;
  environmentVariable?: string;
  /** The value as stored, or an error message an admin can act on. */
  check(value: unknown): { value: unknown } | { error: string };
}

const MIN_TIMEOUT_MS = 1_000;
const MAX_TIMEOUT_MS = 30 * 86_400_000;

const fail = (error: string) => ({ error });

function threshold(value: unknown) {
  return typeof value === 'number' && value >= 0 && value <= 1 ? { value } : fail('must be a number from 0 to 1, e.g. 0.9');
}

function duration(value: unknown) {
  if (typeof value !== 'string') return fail('must be a duration such as "90s", "15m" or "2h"');
  try {
    const ms = parseDuration(value);
    if (ms < MIN_TIMEOUT_MS || ms > MAX_TIMEOUT_MS) return fail('must be between 1s and 30d');
  } catch (error) {
    return fail((error as Error).message);
  }
  return { value: value.trim() };
}

function intents(value: unknown) {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return fail('must be a list of intents');
  const unknown = value.filter((item) => !(INTENTS as readonly string[]).includes(item));
  return unknown.length ? fail(`unknown intent ${unknown.join(', ')}; intents are ${INTENTS.join(', ')}`) : { value: [...new Set(value)] };
}

function perIntentThresholds(value: unknown) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail('must be an object of intent → threshold, e.g. {"order_status": 0.8}');
  for (const [intent, limit] of Object.entries(value)) {
    if (!(INTENTS as readonly string[]).includes(intent)) return fail(`unknown intent ${intent}; intents are ${INTENTS.join(', ')}`);
    if ('error' in threshold(limit)) return fail(`${intent}: must be a number from 0 to 1`);
  }
  return { value };
}

function text(value: unknown) {
  if (typeof value !== 'string' || !value.trim()) return fail('must be a non-empty text');
  return value.length > MAX_REPLY_LENGTH ? fail(`must be at most ${MAX_REPLY_LENGTH} characters`) : { value: value.trim() };
}

/** A neutral reply, or "" to send nothing. */
function optionalReply(value: unknown) {
  if (value === '') return { value: null };
  return text(value);
}

function integer(min: number, max: number) {
  return (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? { value } : fail(`must be a whole number from ${min} to ${max}`);
}

function oneOf(...choices: string[]) {
  return (value: unknown) => typeof value === 'string' && choices.includes(value) ? { value } : fail(`must be one of ${choices.join(', ')}`);
}

function colour(value: unknown) {
  if (value === '') return { value: null };
  return typeof value === 'string' && HEX_COLOUR.test(value.trim())
    ? { value: value.trim().toLowerCase() } : fail('must be a colour such as "#4f46e5", or "" for the theme\'s own');
}

const channelTones: SettingDefinition[] = CHANNELS.map((channel) => ({
  key: `voice.tone.${channel}`,
  description: `${channel}: how drafts are written on this channel (length, formatting, register)`,
  check: text,
}));

const channelTimeouts: SettingDefinition[] = CHANNELS.flatMap((channel) => [
  {
    key: `timeouts.${channel}.review`,
    description: `${channel}: how long a case waits for a reviewer before it is escalated`,
    environmentVariable: 'COUNTERSIGN_REVIEW_TIMEOUT',
    check: duration,
  },
  {
    key: `timeouts.${channel}.escalation`,
    description: `${channel}: how long an escalated case waits for a supervisor before the expiry action`,
    environmentVariable: 'COUNTERSIGN_ESCALATION_TIMEOUT',
    check: duration,
  },
]);

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  { key: 'routing.defaultThreshold', description: 'Drafts at or above this confidence may be sent without a human', check: threshold },
  { key: 'routing.thresholds', description: 'Per-intent confidence thresholds that replace the default one', check: perIntentThresholds },
  { key: 'routing.neverAutoIntents', description: 'Intents that always wait for a human', check: intents },
  { key: 'routing.shadowIntents', description: 'Intents that go to a human but record whether they would have been sent alone (shadow mode)', check: intents },
  ...channelTimeouts,
  { key: 'claimTtl', description: 'How long a reviewer’s claim on a case holds', check: duration },
  { key: 'expiry.action', description: 'What happens when nobody decides in time: holding_reply or silent', check: oneOf('holding_reply', 'silent') },
  { key: 'expiry.holdingReply', description: 'The reply sent when a case expires with the holding_reply action', check: text },
  { key: 'blockedReplies.security_violation', description: 'Neutral reply to a message blocked as a security violation ("" sends nothing)', check: optionalReply },
  { key: 'blockedReplies.out_of_scope', description: 'Neutral reply to an out-of-scope message ("" sends nothing)', check: optionalReply },
  { key: 'drafting.maximumAttempts', description: 'LLM attempts before the case goes to a human without a draft', check: integer(1, 10) },
  { key: 'drafting.initialInterval', description: 'Wait before the first LLM retry (doubles each time)', check: duration },
  { key: 'deliveryTimeout', description: 'How long a sent reply waits for the provider’s delivery report', check: duration },
  { key: 'voice.persona', description: 'Who the drafter speaks as: the first lines of every prompt', check: text },
  ...channelTones,
  { key: 'branding.theme', description: 'The console’s colours: dark, light, or system (follows each reviewer’s OS)', check: oneOf('dark', 'light', 'system') },
  { key: 'branding.primaryColor', description: 'The console’s accent colour as #rrggbb ("" uses the theme’s own)', check: colour },
  { key: 'branding.radius', description: 'Corner radius of the console’s cards and controls, in pixels', check: integer(0, 24) },
  { key: 'branding.density', description: 'Spacing in the console: comfortable, or compact to fit more cases on a screen', check: oneOf('comfortable', 'compact') },
];

export function settingDefinition(key: string): SettingDefinition | undefined {
  return SETTING_DEFINITIONS.find((definition) => definition.key === key);
}
