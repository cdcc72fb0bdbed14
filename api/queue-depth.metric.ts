// queue_depth{stage}: open cases per stage, counted in PostgreSQL when Prometheus scrapes the API, so every
// API instance reports the same (the read model is shared) and nothing is kept in memory.
import { Gauge } from 'prom-client';
import type { Orm } from '../db/orm.js';
import { registry } from '../runtime/metrics.js';

const OPEN_STAGES = ['screening', 'drafting', 'awaiting_review', 'escalated', 'sending'] as const;
let orm: Orm | null = null;

new Gauge({
  name: 'queue_depth',
  help: 'Open cases by stage',
  labelNames: ['stage'] as const,
  registers: [registry],
  async collect() {
    if (!orm) return;
    const rows = await orm.em.fork().execute<{ stage: string; count: number }[]>(
      `select stage, count(*)::int as count from cases where stage = any(?::text[]) group by stage`, [`{${OPEN_STAGES.join(',')}}`]);
    const counts = new Map(rows.map((row) => [row.stage, row.count]));
    for (const stage of OPEN_STAGES) this.set({ stage }, counts.get(stage) ?? 0);
  },
});

/** The API's database, for the gauge to count in. */
export function countQueueDepthIn(database: Orm): void {
  orm = database;
}
