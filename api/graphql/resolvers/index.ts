// Every resolver map of the schema, one file per GraphQL type: `<type>.resolvers.ts` holds that type's
// Query, Mutation and Subscription fields and its field resolvers. The other files here are helpers they share.
import type { Resolvers } from '../generated/resolvers-types.js';
import { apiTokenResolvers } from './api-token.resolvers.js';
import { articleResolvers } from './article.resolvers.js';
import { auditEntryResolvers } from './audit-entry.resolvers.js';
import { brandingResolvers } from './branding.resolvers.js';
import { caseEventResolvers } from './case-event.resolvers.js';
import { caseResolvers } from './case.resolvers.js';
import { conversationResolvers } from './conversation.resolvers.js';
import { customerResolvers } from './customer.resolvers.js';
import { dashboardResolvers } from './dashboard.resolvers.js';
import { effectiveSettingResolvers } from './effective-setting.resolvers.js';
import { handsetMessageResolvers } from './handset-message.resolvers.js';
import { intentQualityResolvers } from './intent-quality.resolvers.js';
import { replyCheckResolvers } from './reply-check.resolvers.js';
import { ruleSetResolvers } from './rule-set.resolvers.js';
import { sessionResolvers } from './session.resolvers.js';
import { userResolvers } from './user.resolvers.js';

export const resolvers: Resolvers[] = [
  sessionResolvers,
  userResolvers,
  apiTokenResolvers,
  caseResolvers,
  caseEventResolvers,
  customerResolvers,
  conversationResolvers,
  auditEntryResolvers,
  dashboardResolvers,
  ruleSetResolvers,
  replyCheckResolvers,
  articleResolvers,
  intentQualityResolvers,
  effectiveSettingResolvers,
  brandingResolvers,
  handsetMessageResolvers,
];
