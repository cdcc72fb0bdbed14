// Replays the committed histories of every case path against today's workflow code. A change that would
// make running cases non-deterministic fails here; guard such changes with `patched()`.
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { HISTORIES_DIR } from '../helpers/histories.js';

const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')).sort();

describe('golden histories', () => {
  it('cover every path a case can take', () => {
    expect(files.map((f) => f.replace('.json', ''))).toEqual(expect.arrayContaining([
      'approve-by-update', 'approve-by-signal-then-late-signal', 'edit-refused-then-edited', 'reject', 'auto-send',
      'escalate-then-expire-with-holding-reply', 'superseded', 'blocked-out-of-scope-with-neutral-reply',
      'llm-down-then-human-edit', 'send-retried-after-lost-worker', 'claim-refuse-release-decide',
      // Recorded after cases opened in one local activity (patch open-case-in-one-step); the others before.
      'auto-send-opened-in-one-step', 'superseded-opened-in-one-step',
      // Recorded after carrier keywords, split replies and delivery reports (patch channel-rules-and-delivery).
      'stop-keyword', 'delivery-failed-back-to-review-then-failed', 'split-reply-delivered', 'whatsapp-window-refused',
      // Recorded after supervisors could escalate and reassign by Update (no patch: no new command without them).
      'escalated-by-supervisor-then-approved', 'reassigned-then-approved',
      // Recorded under the one marker of today's paths (case-paths-2026-12): edits follow the case's outbound
      // modes, search attributes are upserted only when one changed, and no earlier patch records its own.
      'edit-sent-under-warn-mode', 'auto-send-indexing-only-changes',
    ]));
  });

  it.each(files)('%s replays deterministically on the current workflow code', async (file) => {
    // The JSON `temporal workflow show --output json` writes; the worker parses it itself.
    const history: unknown = JSON.parse(readFileSync(path.join(HISTORIES_DIR, file), 'utf8'));
    const result = await Worker.runReplayHistory(
      { workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') } },
      history,
      `replay-${file}`,
    );
    expect(result).toBeUndefined();
  });
});
