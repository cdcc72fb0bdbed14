// The headers a security review expects on every response of the API's one port: the console, the web chat,
// GraphQL, webhooks. The console and the chat page load only their own files (no inline script, nothing from
// elsewhere), so their policy can be strict; nothing here may be framed by another site (clickjacking).
import type { Middleware } from 'koa';

/**
 * What the console and the web chat need, and nothing more. Vue's style bindings go through the CSSOM, which
 * CSP does not govern, so styles need no 'unsafe-inline' either. Images may come from anywhere on https:
 * customers' attachments stay at their provider (Twilio's media URLs).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// GraphiQL (development only; production turns it off) is an inline bootstrap that loads from unpkg.
const GRAPHIQL_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' https://unpkg.com",
  "style-src 'self' 'unsafe-inline' https://unpkg.com",
  "worker-src 'self' blob: https://unpkg.com",
  "img-src 'self' data: https://raw.githubusercontent.com",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** HSTS only when the product is reached over https: over plain http the header would be ignored, or worse, cached by a proxy. */
export function securityHeaders(publicUrl: string): Middleware {
  const https = publicUrl.startsWith('https:');
  return async (ctx, next) => {
    ctx.set({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
      ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    });
    await next();
    if (ctx.path === '/graphql' && ctx.response.is('html')) ctx.set('content-security-policy', GRAPHIQL_POLICY);
  };
}
