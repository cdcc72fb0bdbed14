// Fans PostgreSQL NOTIFY case events out to this API instance's GraphQL subscribers. One LISTEN
// connection per instance; it reconnects after a database restart.
import { EventEmitter, on } from 'node:events';
import pg from 'pg';
import { CASE_EVENTS_CHANNEL, type CaseEvent } from '../db/case-events.js';

export class CaseEventHub {
  private readonly emitter = new EventEmitter({ captureRejections: true });
  private client: pg.Client | undefined;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly databaseUrl: string) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel !== CASE_EVENTS_CHANNEL || !message.payload) return;
      try {
        this.emitter.emit('event', JSON.parse(message.payload) as CaseEvent);
      } catch {
        // A malformed payload is not ours to crash on.
      }
    });
    client.on('error', () => this.reconnectSoon());
    client.on('end', () => this.reconnectSoon());
    await client.connect();
    await client.query(`listen ${CASE_EVENTS_CHANNEL}`);
    this.client = client;
  }

  private reconnectSoon(): void {
    if (this.closed || this.retryTimer) return;
    this.client = undefined;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.start().catch(() => this.reconnectSoon());
    }, 1_000);
  }

  /** An endless stream of events for one subscriber; ends when the subscriber stops reading. */
  async *subscribe(signal?: AbortSignal): AsyncGenerator<CaseEvent> {
    for await (const [event] of on(this.emitter, 'event', { signal })) yield event as CaseEvent;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
  }
}
