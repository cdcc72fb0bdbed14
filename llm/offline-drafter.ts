// The drafter used when no LLM is configured: the product still works end to end with no key, and the
// low confidence sends every case to a human. With a knowledge base it answers from the best passage;
// without one it falls back to a standard acknowledgement per intent.
import type { Draft, DraftRequest, Drafter, Intent } from './drafter.js';

const OFFLINE_CONFIDENCE = 0.3;
/** How much of a passage goes into a reply: a text message's worth. */
const PASSAGE_CHARACTERS = 320;

const INTENT_CUES: [Intent, RegExp][] = [
  ['refund', /\b(refund|money back|reimburse)/i],
  ['complaint', /\b(complain|unacceptable|terrible|awful|disappointed|angry)/i],
  ['billing_dispute', /\b(charged twice|double charged|overcharged|wrong (amount|charge)|dispute)/i],
  ['order_status', /\b(order|tracking|shipped|shipment)\b/i],
  ['delivery', /\b(deliver|arrive|courier|parcel|package)/i],
  ['payment', /\b(pay|payment|card|invoice|charge)/i],
  ['account', /\b(account|password|log ?in|sign ?in|email address)/i],
  ['greeting', /^\s*(hi|hello|hey|good (morning|afternoon|evening))\b[\s!.]*$/i],
];

const REPLIES: Record<Intent, string> = {
  order_status: 'Thanks for getting in touch about your order. Let me check its status and come back to you shortly.',
  delivery: 'Thanks for your message about the delivery. I am looking into it and will update you shortly.',
  account: 'Thanks for reaching out about your account. I can help with that — could you confirm the email address on the account?',
  payment: 'Thanks for your message about the payment. I am checking the details and will get back to you shortly.',
  refund: 'Thanks for your message. I have passed your refund request to our team, who will review it and reply shortly.',
  complaint: 'I am sorry to hear about this. I have passed your message to our team and we will get back to you shortly.',
  billing_dispute: 'Thanks for flagging this charge. Our billing team will review it and get back to you shortly.',
  legal: 'Thanks for your message. A member of our team will get back to you shortly.',
  product_question: 'Thanks for your question. Let me find the right answer for you and get back to you shortly.',
  greeting: 'Hello! Thanks for getting in touch. How can we help you today?',
  other: 'Thanks for your message. A member of our team will get back to you shortly.',
};

export class OfflineDrafter implements Drafter {
  async draft(request: DraftRequest): Promise<Draft> {
    const text = [...(request.earlier ?? []), request.text].join('\n');
    const intent = INTENT_CUES.find(([, cue]) => cue.test(text))?.[0] ?? 'other';
    const best = request.passages?.[0];
    if (best && intent !== 'greeting') {
      return {
        text: `Thanks for your message. ${excerpt(best.text)} If that does not answer it, a colleague will follow up shortly.`,
        intent,
        confidence: OFFLINE_CONFIDENCE,
        reasoning: `Offline drafter (no LLM configured): quotes the knowledge-base article "${best.title}", the best match for the message; a human should check it fits.`,
        needsHuman: true,
        model: 'offline',
        sources: [{ id: best.articleId, title: best.title }],
      };
    }
    return {
      text: REPLIES[intent],
      intent,
      confidence: OFFLINE_CONFIDENCE,
      reasoning: 'Offline drafter (no LLM configured): a standard reply chosen by keywords; a human should check it.',
      needsHuman: true,
      model: 'offline',
      sources: [],
    };
  }
}

/** Whole sentences of a passage up to a text message's length, never cut mid-word. */
export function excerpt(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= PASSAGE_CHARACTERS) return /[.!?]$/.test(clean) ? clean : `${clean}.`;
  const sentences = clean.match(/[^.!?]+[.!?]+/g) ?? [];
  let out = '';
  for (const sentence of sentences) {
    if ((out + sentence).length > PASSAGE_CHARACTERS) break;
    out += sentence;
  }
  if (out.trim()) return out.trim();
  return `${clean.slice(0, PASSAGE_CHARACTERS).replace(/\s+\S*$/, '')}…`;
}
