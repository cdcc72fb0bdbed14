import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * What a reviewer did with a draft: approved as is, edited (with the final text and how far it moved) or
 * rejected. Written once per case when its decision applies; calibration and the edit statistics read it.
 */
export const DraftOutcomeSchema = defineEntity({
  name: 'DraftOutcome',
  tableName: 'draft_outcomes',
  indexes: [{ properties: ['intent', 'decidedAt'] }],
  properties: (p) => ({
    caseId: p.string().primary(),
    intent: p.string(),
    /** The drafter's own confidence, before calibration. */
    rawConfidence: p.double().$type<number>(),
    outcome: p.string(),
    draft: p.text(),
    final: p.text().nullable(),
    /** Word-level edit distance between draft and final; 0 when approved as is. */
    editDistance: p.integer().nullable(),
    decidedAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type DraftOutcome = InferEntity<typeof DraftOutcomeSchema>;
