// Sends an SMS to the running product as Twilio would: a form POST to the messages webhook, signed with the
// configured auth token over PUBLIC_URL. Usage: npx tsx scripts/send-test-sms.ts "message" [+15551230000]
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { EMULATOR_BUSINESS_NUMBER, loadConfig } from '../runtime/config.js';

const [body, from = '+15551230000'] = process.argv.slice(2);
if (!body) {
  console.error('usage: npx tsx scripts/send-test-sms.ts "message text" [+15551230000]');
  process.exit(2);
}
const config = loadConfig();
const path = '/webhooks/twilio/messages';
const params = {
  MessageSid: `SM${randomBytes(16).toString('hex')}`,
  AccountSid: config.twilio.accountSid,
  From: from,
  To: EMULATOR_BUSINESS_NUMBER,
  Body: body,
  NumMedia: '0',
};
const signature = twilio.getExpectedTwilioSignature(config.twilio.authToken, config.publicUrl + path, params);
const response = await fetch(`http://127.0.0.1:${config.port}${path}`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
  body: new URLSearchParams(params),
});
if (!response.ok) {
  console.error(`✗ webhook answered ${response.status}: ${await response.text()}`);
  process.exit(1);
}
console.log(`✓ sent; case msg:sms:${params.MessageSid}`);
