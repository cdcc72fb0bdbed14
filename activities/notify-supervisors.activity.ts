import type { ActivityDeps } from './deps.js';
import type { Escalation } from './supervisor-notifier.js';

export function notifySupervisorsActivity({ notifier }: ActivityDeps) {
  return async function notifySupervisors(escalation: Escalation): Promise<void> {
    await notifier.notify(escalation);
  };
}
