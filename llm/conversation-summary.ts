// A closed conversation in two lines for the customer's card: what was asked, what was answered, how it
// ended. Extractive and deterministic (no LLM call, no cost), with personal data replaced by tokens.
import { findPii, redact } from '../guardrails/pii.js';

export type Disposition = 'resolved' | 'needs_follow_up' | 'spam';

export interface SummaryMessage {
  direction: 'inbound' | 'outbound';
  body: string;
  at: Date;
}

const QUOTE = 140;
const DISPOSITIONS: Record<Disposition, string> = { resolved: 'Resolved', needs_follow_up: 'Needs follow-up', spam: 'Spam' };

function quote(text: string): string {
  const clean = redact(text, findPii(text)).replace(/\s+/g, ' ').trim();
  return clean.length > QUOTE ? `${clean.slice(0, QUOTE - 1).replace(/\s+\S*$/, '')}…` : clean;
}

export function summariseConversation(channel: string, messages: SummaryMessage[], intents: string[], disposition: Disposition): string {
  const inbound = messages.filter((m) => m.direction === 'inbound');
  const outbound = messages.filter((m) => m.direction === 'outbound');
  const parts = [`${DISPOSITIONS[disposition]}. ${inbound.length} from the customer, ${outbound.length} from us on ${channel}`];
  const topics = [...new Set(intents)].filter(Boolean);
  if (topics.length) parts[0] += ` about ${topics.map((t) => t.replace(/_/g, ' ')).join(', ')}`;
  parts[0] += '.';
  if (inbound[0]) parts.push(`Asked: “${quote(inbound[0].body)}”`);
  if (inbound.length > 1) parts.push(`Last wrote: “${quote(inbound.at(-1)!.body)}”`);
  if (outbound.length) parts.push(`Last answer: “${quote(outbound.at(-1)!.body)}”`);
  return parts.join(' ');
}
