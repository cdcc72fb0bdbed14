// What one workflow costs the Temporal server, read from its history: workflow tasks (each a round trip
// to the worker and a history write), activity tasks (a round trip each through the task queue), local
// activities (a marker inside a workflow task), signals, updates, timers, search-attribute upserts.
import type { Client } from '@temporalio/client';
import { round } from './stats.js';

type HistoryEvent = NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>[number];

/** An event's kind is the one `…Attributes` field it carries (workflowTaskCompletedEventAttributes → workflowTaskCompleted). */
function kindOf(event: HistoryEvent): string {
  const key = Object.keys(event).find((k) => k.endsWith('EventAttributes') && event[k as keyof HistoryEvent]);
  return key ? key.slice(0, -'EventAttributes'.length) : 'unknown';
}

const COUNTED = {
  workflowTasks: ['workflowTaskCompleted'],
  workflowTasksFailedOrTimedOut: ['workflowTaskFailed', 'workflowTaskTimedOut'],
  activityTasks: ['activityTaskScheduled'],
  markers: ['markerRecorded'], // local activities and patched() calls: markerTypes tells them apart
  signals: ['workflowExecutionSignaled'],
  updates: ['workflowExecutionUpdateAccepted'],
  timers: ['timerStarted'],
  searchAttributeUpserts: ['upsertWorkflowSearchAttributes'],
} as const;

export type HistoryCounts = Record<keyof typeof COUNTED | 'events', number>;

/** Per-workflow averages over the given workflows' histories, and which local activities the markers were. */
export async function countHistories(client: Client, workflowIds: string[]): Promise<{ workflows: number; perWorkflow: HistoryCounts; markerTypes: Record<string, number>; workflowTasksAfter: Record<string, number> }> {
  const totals = Object.fromEntries([...Object.keys(COUNTED), 'events'].map((k) => [k, 0])) as HistoryCounts;
  const markerTypes: Record<string, number> = {};
  // What woke each workflow task: the event just before its WorkflowTaskScheduled.
  const workflowTasksAfter: Record<string, number> = {};
  for (const id of workflowIds) {
    const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    totals.events += events.length;
    events.forEach((event, i) => {
      const kind = kindOf(event);
      for (const [name, kinds] of Object.entries(COUNTED) as [keyof typeof COUNTED, readonly string[]][]) {
        if (kinds.includes(kind)) totals[name]++;
      }
      if (kind === 'markerRecorded') {
        const payload = event.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data;
        // Core's marker data is JSON; its field names have been snake_case and camelCase across versions.
        const data = payload ? JSON.parse(Buffer.from(payload).toString()) as { activity_type?: string; activityType?: string } : {};
        // patched() leaves a marker too: counted apart, it runs no activity.
        const name = event.markerRecordedEventAttributes?.markerName === 'core_patch' ? 'patched() marker' : data.activity_type ?? data.activityType ?? 'unknown';
        markerTypes[name] = (markerTypes[name] ?? 0) + 1;
      }
      if (kind === 'workflowTaskScheduled') {
        const cause = i === 0 ? 'start' : kindOf(events[i - 1]!);
        workflowTasksAfter[cause] = (workflowTasksAfter[cause] ?? 0) + 1;
      }
    });
  }
  const n = workflowIds.length || 1;
  const per = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, round(v / n, 2)]));
  return { workflows: workflowIds.length, perWorkflow: per(totals) as HistoryCounts, markerTypes: per(markerTypes), workflowTasksAfter: per(workflowTasksAfter) };
}
