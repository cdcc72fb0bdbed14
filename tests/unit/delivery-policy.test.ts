import { describe, expect, it } from 'vitest';
import { optKeyword } from '../../channels/opt-keywords.js';
import type { DeliveryReport, DeliveryState } from '../../domain/case.js';
import { applyDeliveryReport, deliverySettled, describeDeliveryFailure } from '../../domain/delivery.js';

function fold(ids: string[], reports: DeliveryReport[]): DeliveryState {
  const perPart = new Map<string, DeliveryReport>();
  let delivery: DeliveryState = { status: 'queued', errorCode: null, errorMessage: null, providerMessageIds: ids };
  for (const report of reports) delivery = applyDeliveryReport(delivery, perPart, report);
  return delivery;
}

describe('delivery reports', () => {
  it('never moves a message back when callbacks arrive out of order or twice', () => {
    const delivery = fold(['SM1'], [
      { providerMessageId: 'SM1', status: 'delivered' },
      { providerMessageId: 'SM1', status: 'sent' },
      { providerMessageId: 'SM1', status: 'delivered' },
    ]);
    expect(delivery.status).toBe('delivered');
    expect(deliverySettled(delivery)).toBe(true);
  });

  it('counts a split reply delivered only when every part is, and failed as soon as one part fails', () => {
    const partly = fold(['SM1', 'SM2'], [{ providerMessageId: 'SM1', status: 'delivered' }, { providerMessageId: 'SM2', status: 'sent' }]);
    expect(partly.status).toBe('sent');
    expect(deliverySettled(partly)).toBe(false);
    const failed = fold(['SM1', 'SM2'], [
      { providerMessageId: 'SM1', status: 'delivered' },
      { providerMessageId: 'SM2', status: 'undelivered', errorCode: '30003', errorMessage: 'Unreachable destination handset' },
    ]);
    expect(failed).toMatchObject({ status: 'undelivered', errorCode: '30003' });
    expect(describeDeliveryFailure(failed)).toBe('The reply was undelivered (Twilio error 30003): Unreachable destination handset');
  });

  it('ignores reports about other messages and statuses it does not know', () => {
    const delivery = fold(['SM1'], [
      { providerMessageId: 'SM9', status: 'failed' },
      { providerMessageId: 'SM1', status: 'receiving' as never },
    ]);
    expect(delivery.status).toBe('queued');
  });
});

describe('carrier keywords', () => {
  it('recognises Twilio\'s opt-out, opt-in and help keywords as the whole message, in any case', () => {
    expect(['STOP', 'stop', ' Stop. ', 'UNSUBSCRIBE', 'stop all', 'Cancel', 'QUIT', 'end'].map((b) => optKeyword('sms', b))).toEqual(Array(8).fill('opt_out'));
    expect(['START', 'yes', 'Unstop'].map((b) => optKeyword('whatsapp', b))).toEqual(['opt_in', 'opt_in', 'opt_in']);
    expect(optKeyword('sms', 'HELP')).toBe('help');
    expect(optKeyword('sms', 'info?')).toBe('help');
  });

  it('leaves sentences that merely contain a keyword, and web chat, to the assistant', () => {
    expect(optKeyword('sms', 'please stop sending me letters')).toBeNull();
    expect(optKeyword('sms', 'yes please, book it')).toBeNull();
    expect(optKeyword('webchat', 'STOP')).toBeNull();
  });
});
