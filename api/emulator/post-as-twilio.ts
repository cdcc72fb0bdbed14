import twilio from 'twilio';

/**
 * POSTs form params the way Twilio calls a webhook: signed with the account's auth token over `signedUrl`,
 * the URL Twilio would call, though the request may go elsewhere (`url`), e.g. straight to this API.
 */
export function postAsTwilio(url: string, params: Record<string, string>, authToken: string, signedUrl = url): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, signedUrl, params),
    },
    body: new URLSearchParams(params),
  });
}
