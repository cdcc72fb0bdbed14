export const INTENTS = [
  'order_status',
  'delivery',
  'account',
  'payment',
  'refund',
  'complaint',
  'billing_dispute',
  'legal',
  'product_question',
  'greeting',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface DraftRequest {
  channel: string;
  /** The customer's message with PII replaced by tokens: the drafter never sees the raw values. */
  text: string;
  /** Earlier unanswered messages of the conversation, oldest first, answered together with this one. */
  earlier?: string[];
  /** What the customer and the business said before, on every channel, oldest first, PII as tokens. */
  history?: HistoryLine[];
  /** Content types of media the customer attached (the drafter cannot see them, but knows they are there). */
  attachments?: string[];
}

export interface HistoryLine {
  channel: string;
  from: 'customer' | 'business';
  text: string;
  at: string;
}

export interface Draft {
  text: string;
  intent: string;
  confidence: number;
  reasoning: string;
  needsHuman: boolean;
  /** `offline` for the built-in drafter, else the LLM model that wrote it. */
  model: string;
}

export interface Drafter {
  draft(request: DraftRequest): Promise<Draft>;
}

/** A failure of the LLM endpoint; `retryable` says whether trying again can help (429, 5xx, timeouts). */
export class DrafterError extends Error {
  override name = 'DrafterError';
  constructor(message: string, readonly retryable: boolean, readonly retryAfterMs?: number) {
    super(message);
  }
}
