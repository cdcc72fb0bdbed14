// Fans PostgreSQL NOTIFY events out to this API instance's subscribers: case events for GraphQL, new
// replies for web chat visitors, handset updates for the emulator's Phone page. One LISTEN connection per
// instance, whichever worker or instance sent the NOTIFY; it reconnects after a database restart.
import { EventEmitter, on } from 'node:events';
import pg from 'pg';
import { CASE_EVENTS_CHANNEL, type CaseEvent } from '../db/case-events.js';
import { CONVERSATION_MESSAGES_CHANNEL } from '../db/conversation-events.js';
import { HANDSET_EVENTS_CHANNEL } from './emulator/handset-events.js';

const CHANNELS = [CASE_EVENTS_CHANNEL, CONVERSATION_MESSAGES_CHANNEL, HANDSET_EVENTS_CHANNEL] as const;
export type NotifyChannel = (typeof CHANNELS)[number];

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
      if (!message.payload) return;
      // Case events and handset updates are JSON; a conversation's news is its id.
      if (message.channel === CONVERSATION_MESSAGES_CHANNEL) {
        this.emitter.emit(message.channel, message.payload);
        return;
      }
      try {
        this.emitter.emit(message.channel, JSON.parse(message.payload));
      } catch {
        // A malformed payload is not ours to crash on.
      }
    });
    client.on('error', () => this.reconnectSoon());
    client.on('end', () => this.reconnectSoon());
    await client.connect();
    for (const channel of CHANNELS) await client.query(`listen ${channel}`);
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

  /** An endless stream of case events for one subscriber; ends when the subscriber stops reading. */
  subscribe(signal?: AbortSignal): AsyncGenerator<CaseEvent> {
    return this.listen<CaseEvent>(CASE_EVENTS_CHANNEL, signal);
  }

  /** Every payload NOTIFYed on `channel` from now on, until `signal` aborts. */
  async *listen<T>(channel: NotifyChannel, signal?: AbortSignal): AsyncGenerator<T> {
    for await (const [payload] of on(this.emitter, channel, { signal })) yield payload as T;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
  }
}
