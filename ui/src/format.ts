import type { CaseCustomer } from './pages/case.graphql';
import type { CaseStage, Channel, Decision, GuardrailClass, Role } from './types';

const STAGES: Record<CaseStage, string> = {
  SCREENING: 'Screening',
  DRAFTING: 'Drafting',
  AWAITING_REVIEW: 'Awaiting review',
  ESCALATED: 'Escalated',
  SENDING: 'Sending',
  SENT: 'Sent',
  BLOCKED: 'Blocked',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  SUPERSEDED: 'Superseded',
  FAILED: 'Failed',
};

const CHANNELS: Record<Channel, string> = { SMS: 'SMS', WHATSAPP: 'WhatsApp', WEBCHAT: 'Web chat', EMAIL: 'Email' };

const DECISIONS: Record<Decision, string> = { APPROVE: 'Approved', EDIT: 'Edited and approved', REJECT: 'Rejected' };

const CLASSES: Record<GuardrailClass, string> = {
  SECURITY_VIOLATION: 'Security violation',
  OUT_OF_SCOPE: 'Out of scope',
  IN_SCOPE: 'In scope',
};

const ROLES: Record<Role, string> = { REVIEWER: 'Reviewer', SUPERVISOR: 'Supervisor', ADMIN: 'Admin' };

export const stageLabel = (stage: CaseStage): string => STAGES[stage] ?? stage;
export const channelLabel = (channel: Channel): string => CHANNELS[channel] ?? channel;
export const decisionLabel = (decision: Decision): string => DECISIONS[decision] ?? decision;
export const roleLabel = (role: Role): string => ROLES[role] ?? role;
export const classificationLabel = (value: GuardrailClass | null): string => (value ? CLASSES[value] ?? value : 'Not classified');

/** "customer_billing" → "Customer billing". */
export function humanize(value: string | null | undefined, fallback = '—'): string {
  if (!value) return fallback;
  const words = value.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const BLOCKED_REASONS: Record<string, string> = {
  OPT_OUT: 'Customer sent STOP: opted out, Twilio confirms it',
  OPT_IN: 'Customer sent START',
  HELP: 'Carrier HELP keyword, answered by Twilio',
};

/** Why a case got no AI reply, for a blockedReason from the API. */
export const blockedReasonLabel = (reason: string): string => BLOCKED_REASONS[reason] ?? humanize(reason);

/** Twilio's message status (queued, sent, delivered, read, undelivered, failed) for display. */
export const deliveryStatusLabel = (status: string | null | undefined): string => humanize(status, 'Not sent yet');

export function deliveryTone(status: string | null | undefined): 'success' | 'danger' | 'info' | 'neutral' {
  if (status === 'delivered' || status === 'read') return 'success';
  if (status === 'undelivered' || status === 'failed') return 'danger';
  return status ? 'info' : 'neutral';
}

/** The customer's name when known, else how they wrote in (a phone number, an email), else their id. */
export const customerLabel = (customer: Pick<CaseCustomer, 'id' | 'displayName' | 'identities'>): string =>
  customer.displayName ?? customer.identities[0]?.address ?? customer.id;

export function percent(confidence: number | null | undefined): string {
  return confidence == null ? '—' : `${Math.round(confidence * 100)}%`;
}

export function caseLink(id: string): string {
  return `/cases/${encodeURIComponent(id)}`;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400], ['hour', 3_600], ['minute', 60]];

/** "5 minutes ago" / "in 2 hours"; exact times go in a title attribute. */
export function fromNow(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return Math.abs(seconds) < 10 ? 'just now' : relative.format(seconds, 'second');
}

export function dateTime(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '';
}

