// Outbound messages through the official Twilio SDK. With no Twilio account configured the SDK talks to
// the built-in emulator instead of api.twilio.com, through its supported custom-HTTP-client hook.
import twilio from 'twilio';
import type { Config } from '../runtime/config.js';
import { ProviderRefusal, type OutboundReply, type ReplySender, type SentReply } from './reply-sender.js';

import type RequestClient from 'twilio/lib/base/RequestClient.js';

class EmulatorRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ keepAlive: true });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(/^https:\/\/[a-z0-9.-]*twilio\.com/i, this.baseUrl) });
  }
}

export function createTwilioClient(settings: Config['twilio']): twilio.Twilio {
  return twilio(settings.accountSid, settings.authToken, {
    httpClient: settings.apiBaseUrl ? new EmulatorRequestClient(settings.apiBaseUrl) : undefined,
    autoRetry: false,
  });
}

export class TwilioReplySender implements ReplySender {
  private readonly client: twilio.Twilio;

  constructor(settings: Config['twilio'], private readonly statusCallbackUrl: string) {
    this.client = createTwilioClient(settings);
  }

  async send(reply: OutboundReply): Promise<SentReply> {
    try {
      const message = await this.client.messages.create({
        to: reply.to,
        from: reply.from,
        body: reply.body,
        // The case rides along so a status callback reaches its case even before the message is recorded.
        statusCallback: `${this.statusCallbackUrl}?caseId=${encodeURIComponent(reply.caseId)}`,
      });
      return { providerMessageId: message.sid, status: message.status };
    } catch (error) {
      // 429 and 5xx are worth retrying; any other 4xx is Twilio saying no to this message.
      const { status, code, message } = error as { status?: number; code?: number; message?: string };
      if (status && status >= 400 && status < 500 && status !== 429) throw new ProviderRefusal(String(code ?? status), message ?? 'refused');
      throw error;
    }
  }

  async findSent(reply: OutboundReply, since: Date): Promise<SentReply | null> {
    const recent = await this.client.messages.list({ to: reply.to, from: reply.from, dateSentAfter: since, limit: 50 });
    const match = recent.find((m) => m.body === reply.body);
    return match ? { providerMessageId: match.sid, status: match.status } : null;
  }
}
