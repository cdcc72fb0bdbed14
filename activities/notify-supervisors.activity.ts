import { logger } from '../runtime/logger.js';
import type { ActivityDeps } from './deps.js';

export interface Escalation {
  caseId: string;
  level: number;
  deadline: string | null;
}

/**
 * Tells supervisors a case escalated. The console already learns of it from caseEvents and the audit;
 * this is the hook for channels outside it (a webhook, email).
 */
export interface SupervisorNotifier {
  notify(escalation: Escalation): Promise<void>;
}

export class LogNotifier implements SupervisorNotifier {
  async notify({ caseId, level, deadline }: Escalation): Promise<void> {
    logger('supervisors').info({ caseId, level, deadline }, `case escalated to level ${level}; decide before ${deadline ?? 'expiry'}`);
  }
}

export function notifySupervisorsActivity({ notifier }: ActivityDeps) {
  return async function notifySupervisors(escalation: Escalation): Promise<void> {
    await notifier.notify(escalation);
  };
}
