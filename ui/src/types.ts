// The schema's enums, generated from api/graphql/schema.graphql (`npm run codegen`). Result shapes live
// beside the documents that ask for them (`*.graphql.ts`), generated from the same schema.
import { Role, type CaseStage } from './generated/graphql';

export type {
  CaseStage, Channel, Decision, Disposition, GuardrailClass, HandsetChannel, Role,
} from './generated/graphql';

/** Every role, in the schema's order (least to most rights). */
export const ROLES: readonly Role[] = Object.values(Role);

/** Where a reviewer's decision can still change the case. */
export const DECIDABLE_STAGES: readonly CaseStage[] = ['AWAITING_REVIEW', 'ESCALATED'];
