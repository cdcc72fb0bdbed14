// The rules a case runs under, snapshotted at its start (loadPolicy activity) so that a policy change
// never alters a running case mid-way. Pure data and defaults: sandbox-safe. "Policy" in Countersign means
// this; the review and delivery *rules* live in workflows/review-rules.ts and domain/delivery.ts.
import type { Channel } from './case.js';
import type { GuardrailClassification, OutboundModes } from './guardrail.js';

export interface TierTimeouts {
  /** No decision within this → escalated. Durations like "15m". */
  review: string;
  /** No decision within this after escalation → the expiry action. */
  escalation: string;
}

export interface CasePolicy {
  /** 0 for built-in defaults and environment; else the stored policy version. */
  version: number;
  routing: {
    /** Drafts at or above this confidence may go out alone, unless their intent has its own threshold. */
    defaultThreshold: number;
    thresholds: Record<string, number>;
    /** Intents that always wait for a human. */
    neverAutoIntents: string[];
    /** Intents that go to a human but record whether they would have been sent alone. */
    shadowIntents: string[];
  };
  timeouts: Record<Channel, TierTimeouts>;
  /** How long a reviewer's claim on a case holds before others may decide it. */
  claimTtl: string;
  /** What happens when nobody decides within both tiers. */
  expiry: { action: 'holding_reply' | 'silent'; holdingReply: string };
  /** The neutral reply to a blocked message, per class; null sends nothing. Never quotes the message. */
  blockedReplies: Record<Exclude<GuardrailClassification, 'in_scope'>, string | null>;
  /** LLM retries before the case goes to a human without a draft. */
  drafting: { maximumAttempts: number; initialInterval: string };
  /** Who the drafter speaks as, and how it writes on each channel: part of every prompt. */
  voice: { persona: string; tone: Record<Channel, string> };
  /** How long a sent reply waits for the provider's delivery report before the case closes without it. */
  deliveryTimeout?: string;
  /** Outbound rule modes from the guardrail rule set in force (block, warn or off per rule id). */
  outboundModes?: OutboundModes;
}

export function defaultPolicy(timeouts: TierTimeouts = { review: '15m', escalation: '1h' }): CasePolicy {
  return {
    version: 0,
    routing: {
      defaultThreshold: 0.9,
      thresholds: {},
      neverAutoIntents: ['refund', 'complaint', 'billing_dispute', 'legal'],
      shadowIntents: [],
    },
    timeouts: { sms: timeouts, whatsapp: timeouts, webchat: timeouts, email: timeouts },
    claimTtl: '10m',
    expiry: {
      action: 'holding_reply',
      holdingReply: 'Thanks for your patience — we have your message and a member of our team will reply as soon as possible.',
    },
    blockedReplies: {
      security_violation: null,
      out_of_scope: 'Sorry, that is not something we can help with here. Is there anything about your account or orders we can help with?',
    },
    drafting: { maximumAttempts: 4, initialInterval: '1s' },
    voice: {
      persona: 'You are the customer service team of this business. Be accurate, brief and kind; say what you will do, and never promise what policy does not allow.',
      tone: {
        sms: 'Plain text, one or two short sentences, no links unless asked for.',
        whatsapp: 'Friendly and short; simple formatting at most.',
        webchat: 'Friendly; short paragraphs; **bold** and links are fine.',
        email: 'Complete sentences with a greeting and a sign-off.',
      },
    },
    deliveryTimeout: '15m',
  };
}

/** WhatsApp only allows free-form replies within 24 h of the customer's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 3600 * 1000;
/** Deadlines stop this long before the window closes, so the reply can still go out. */
export const WHATSAPP_WINDOW_MARGIN_MS = 10 * 60 * 1000;

type Overrides = Partial<Omit<CasePolicy, 'version'>>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

function deepMerge(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    merged[key] = isPlainObject(value) && isPlainObject(base[key]) ? deepMerge(base[key], value) : value;
  }
  return merged;
}

/**
 * Stored overrides over environment-derived defaults, key by key at every depth: an admin who changes only
 * `timeouts.sms.review` keeps the environment's `timeouts.sms.escalation`. Lists and texts replace whole.
 */
export function mergePolicy(base: CasePolicy, overrides: Overrides | undefined, version: number): CasePolicy {
  return { ...(deepMerge(base as unknown as Record<string, unknown>, (overrides ?? {}) as Record<string, unknown>) as unknown as CasePolicy), version };
}
