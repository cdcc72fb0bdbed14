// A web chat visitor is known by a random id in a signed cookie: the signature (HMAC-SHA256 with a key kept
// in PostgreSQL, so every instance shares it) stops a visitor from taking another visitor's id.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { SettingSchema } from '../../db/entities/index.js';
import type { Orm } from '../../db/orm.js';

export const VISITOR_COOKIE = 'cs_visitor';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class VisitorCookies {
  private secret: Promise<string> | undefined;

  constructor(private readonly orm: Orm) {}

  private key(): Promise<string> {
    // Written once by a migration; read once per process.
    this.secret ??= this.orm.em.fork().findOneOrFail(SettingSchema, { key: 'webchat_cookie_secret' }).then((row) => row.value);
    return this.secret;
  }

  private async sign(visitorId: string): Promise<string> {
    return createHmac('sha256', await this.key()).update(visitorId).digest('base64url');
  }

  async issue(): Promise<{ visitorId: string; cookie: string }> {
    const visitorId = randomUUID();
    return { visitorId, cookie: `${visitorId}.${await this.sign(visitorId)}` };
  }

  /** The visitor id a cookie carries, or null when it is missing, malformed or not signed by us. */
  async verify(cookie: string | undefined): Promise<string | null> {
    const [visitorId, signature] = cookie?.split('.') ?? [];
    if (!visitorId || !signature || !UUID.test(visitorId)) return null;
    const expected = Buffer.from(await this.sign(visitorId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? visitorId : null;
  }
}
