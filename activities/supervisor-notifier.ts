// How supervisors hear that a case escalated, outside the console: the port the notifySupervisors activity
// calls, and the default that logs it.
import { logger } from '../runtime/logger.js';

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
