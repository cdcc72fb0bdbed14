import { CrashAfterAcceptSender, ScriptedDrafter } from './test-doubles.js';
import { startStack, type Stack } from './stack.js';

export const CRASH_MARKER = '[worker-dies-after-accept]';

/** A stack whose drafter the test scripts and whose sender "dies" once for replies carrying CRASH_MARKER. */
export async function startWorkflowStack(): Promise<{ stack: Stack; drafter: ScriptedDrafter }> {
  const drafter = new ScriptedDrafter();
  const stack = await startStack({
    deps: (defaults) => ({ ...defaults, drafter, sender: new CrashAfterAcceptSender(defaults.sender, CRASH_MARKER) }),
  });
  return { stack, drafter };
}
