// What Twilio's delivery error codes mean, for reviewers reading why a reply did not arrive. Twilio's status
// callbacks carry only the code; these are the codes messaging most often reports.
const TWILIO_ERRORS: Record<string, string> = {
  '21211': 'Invalid "To" phone number',
  '21408': 'Permission to send to this region is not enabled',
  '21610': 'The recipient replied STOP and is unsubscribed',
  '21614': '"To" number is not a valid mobile number',
  '30001': 'Queue overflow',
  '30002': 'Account suspended',
  '30003': 'Unreachable destination handset',
  '30004': 'Message blocked by the recipient or carrier',
  '30005': 'Unknown destination handset',
  '30006': 'Landline or unreachable carrier',
  '30007': 'Filtered by the carrier as spam',
  '30008': 'Unknown error from the carrier',
  '63016': 'Outside the WhatsApp 24-hour window: a template message is required',
  '63024': 'Invalid message recipient on WhatsApp',
};

export function twilioErrorText(code: string | undefined | null): string | null {
  if (!code) return null;
  return TWILIO_ERRORS[code] ?? `Twilio error ${code}`;
}
