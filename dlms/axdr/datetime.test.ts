import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, DecodeError, fromHex, toHex } from '../bytes';
import { arbCosemDateTime } from '../../test/support/dlms/axdr/arbitrary';
import type { CosemDateTime } from './data';
import {
  clockStatusNames,
  dateFromOctetString,
  dateTimeFromDate,
  dateTimeFromOctetString,
  dateTimeToDate,
  dateTimeToOctetString,
  decodeDateTime,
  encodeDateTime,
  formatDateTime,
  timeFromOctetString,
  validateDateTime,
} from './datetime';
import { EncodeError } from './encode-error';

describe('COSEM date-time (Blue Book 4.1.6.1)', () => {
  it('reads the clock time the Gurux meter sent as octet-string(12) (c_hdlc_none.trace)', () => {
    // 07EA year 2026 | 0B month 11 | 18 day 24 | 02 Tuesday | 12 0A 1A 00 = 18:10:26.00 | 0000 deviation 0 | 00 status
    const dt = dateTimeFromOctetString(fromHex('07EA0B1802120A1A00000000'));
    expect(dt).to.deep.equal({
      date: { year: 2026, month: 11, dayOfMonth: 24, dayOfWeek: 2 },
      time: { hour: 18, minute: 10, second: 26, hundredths: 0 },
      deviation: 0,
      clockStatus: 0,
    });
    expect(toHex(dateTimeToOctetString(dt))).to.equal('07EA0B1802120A1A00000000');
    expect(formatDateTime(dt)).to.equal('2026-11-24 (Tue) 18:10:26.00 deviation 0 status 0x00');
  });

  it('maps not-specified markers to undefined and keeps the special day and month values (daylight-savings begin)', () => {
    // From the same recording, Clock daylight_savings_begin: FFFF year * | 03 March | FE last day |
    // 03 | 02:00:00.00 | 8000 deviation * | 00
    const dt = dateTimeFromOctetString(fromHex('FFFF03FE0302000000800000'));
    expect(dt.date).to.deep.equal({ year: undefined, month: 3, dayOfMonth: 0xfe, dayOfWeek: 3 });
    expect(dt.deviation).to.equal(undefined);
    expect(formatDateTime(dt)).to.equal('****-03-last (Wed) 02:00:00.00 deviation * status 0x00');
    expect(toHex(dateTimeToOctetString(dt))).to.equal('FFFF03FE0302000000800000');
  });

  it('formats a fully unspecified date-time with stars', () => {
    const dt = dateTimeFromOctetString(fromHex('FFFFFFFFFFFFFFFFFF8000FF'));
    expect(formatDateTime(dt)).to.equal('****-**-** (*) **:**:**.** deviation * status *');
  });

  it('refuses an octet-string that is not 12 bytes, at its offset', () => {
    try {
      dateTimeFromOctetString(fromHex('07EA0B18'), 7);
      expect.fail('should throw');
    } catch (e) {
      expect(e).to.be.instanceOf(DecodeError);
      expect((e as DecodeError).code).to.equal('AXDR_BAD_DATE_TIME_LENGTH');
      expect((e as DecodeError).offset).to.equal(7);
    }
  });

  it('reads date(5) and time(4) octet-strings', () => {
    expect(dateFromOctetString(fromHex('07EA0CFDFF'))).to.deep.equal({ year: 2026, month: 12, dayOfMonth: 0xfd, dayOfWeek: undefined });
    expect(timeFromOctetString(fromHex('173BFF00'))).to.deep.equal({ hour: 23, minute: 59, second: undefined, hundredths: 0 });
  });

  it('names the clock status bits', () => {
    expect(clockStatusNames(0x81)).to.deep.equal(['invalid-value', 'daylight-saving-active']);
    expect(clockStatusNames(0x0e)).to.deep.equal(['doubtful-value', 'different-clock-base', 'invalid-clock-status']);
    expect(clockStatusNames(0x10)).to.deep.equal(['reserved-bit-4']);
  });

  it('lists the fields outside their ranges', () => {
    const dt = dateTimeFromOctetString(fromHex('07EA0D200918640000FD2F70'));
    expect(validateDateTime(dt)).to.deep.equal([
      'month 13 is outside 1..12, 0xFD, 0xFE',
      'day of month 32 is outside 1..31, 0xFD, 0xFE',
      'day of week 9 is outside 1..7',
      'hour 24 is outside 0..23',
      'minute 100 is outside 0..59',
      'deviation -721 is outside -720..720',
      'clock status 0x70 sets reserved bits',
    ]);
  });

  it('converts to an instant with UTC = local + deviation (CET is -60)', () => {
    const dt = dateTimeFromOctetString(fromHex('07EA0B1802120A1A32FFC400')); // 18:10:26.50, deviation -60
    expect(dateTimeToDate(dt)?.toISOString()).to.equal('2026-11-24T17:10:26.500Z');
    expect(dateTimeToDate(dt, { convention: 'utc-to-local' })?.toISOString()).to.equal('2026-11-24T19:10:26.500Z');
    expect(dateTimeToDate({ ...dt, deviation: undefined })).to.equal(undefined);
    expect(dateTimeToDate({ ...dt, deviation: undefined }, { deviation: 0 })?.toISOString()).to.equal('2026-11-24T18:10:26.500Z');
    expect(dateTimeToDate({ ...dt, date: { ...dt.date, dayOfMonth: 0xfe } })).to.equal(undefined);
  });

  it('builds a date-time for an instant in a given local time, with Monday = 1', () => {
    const dt = dateTimeFromDate(new Date('2026-03-29T00:30:00.120Z'), -60, { clockStatus: 0x80 });
    expect(dt).to.deep.equal({
      date: { year: 2026, month: 3, dayOfMonth: 29, dayOfWeek: 7 },
      time: { hour: 1, minute: 30, second: 0, hundredths: 12 },
      deviation: -60,
      clockStatus: 0x80,
    });
    expect(dateTimeToDate(dt)?.toISOString()).to.equal('2026-03-29T00:30:00.120Z');
  });

  it('refuses to encode a number that would read back as not specified', () => {
    const dt: CosemDateTime = {
      date: { year: 2026, month: 255, dayOfMonth: 1, dayOfWeek: 1 },
      time: { hour: 0, minute: 0, second: 0, hundredths: 0 },
      deviation: 0,
      clockStatus: 0,
    };
    expect(() => dateTimeToOctetString(dt)).to.throw(EncodeError, 'date-time.date.month');
  });

  it('round-trips every date-time through its 12 bytes', () => {
    fc.assert(
      fc.property(arbCosemDateTime(), (dt) => {
        const w = new ByteWriter();
        encodeDateTime(w, dt);
        const bytes = w.finish();
        expect(bytes.length).to.equal(12);
        expect(decodeDateTime(new ByteReader(bytes))).to.deep.equal(dt);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('round-trips every 12 bytes through a date-time (the codec is a bijection)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), (bytes) => {
        expect(toHex(dateTimeToOctetString(dateTimeFromOctetString(bytes)))).to.equal(toHex(bytes));
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
