// The drafter used when no LLM is configured: the product still works end to end with no key, and the
// low confidence sends every case to a human. With a knowledge base it answers with the best article's
// sentences, whole and word for word, and nothing else: a reviewer who approves it sends what the article
// says. Without one it falls back to a standard acknowledgement per intent.
import type { Draft, DraftRequest, Drafter, Intent } from './drafter.js';

const OFFLINE_CONFIDENCE = 0.3;

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
    const best = request.passages?.find((passage) => passage.sentences.length > 0);
    if (best && intent !== 'greeting') {
      return {
        text: best.sentences.join(' '),
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
