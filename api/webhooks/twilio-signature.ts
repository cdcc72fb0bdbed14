import type { Context } from 'koa';
import twilio from 'twilio';

/**
 * The URL Twilio signed: the public base URL plus the path and query as this server received them. Behind
 * a reverse proxy that strips a prefix, PUBLIC_URL carries the prefix (e.g. https://example.com/support).
 */
export function signedUrl(publicUrl: string, ctx: Context): string {
  return publicUrl.replace(/\/$/, '') + ctx.originalUrl;
}

export function hasValidTwilioSignature(ctx: Context, authToken: string, publicUrl: string, params: Record<string, string>): boolean {
  const signature = ctx.get('x-twilio-signature');
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, signedUrl(publicUrl, ctx), params);
}
