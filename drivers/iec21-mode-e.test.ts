import { expect } from 'chai';
import fc from 'fast-check';
import { Iec21Error } from './iec21-error';
import { encodeOptionSelect, encodeRequest, expireModeE, receiveModeE, selectBaudRate, startModeE, type ModeEAction, type ModeEStep } from './iec21-mode-e';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array): string => String.fromCharCode(...b);

/** Actions as short strings a test compares: `send /?!\r\n`, `timer 1500`, `switch 9600`, `fail CODE@offset`. */
function summary(actions: readonly ModeEAction[]): string[] {
  return actions.map((a) => {
    switch (a.type) {
      case 'send':
        return `send ${JSON.stringify(text(a.bytes))}`;
      case 'arm-timer':
        return `timer ${a.at}`;
      case 'skip':
        return `skip ${JSON.stringify(text(a.bytes))}`;
      case 'switch':
        return `switch ${a.baudRate}`;
      case 'fail':
        return `fail ${a.error.code}@${a.error.offset}`;
    }
  });
}

/** Feeds chunks one by one, 10 ms apart, collecting every action. */
function feed(start: ModeEStep, chunks: readonly string[], t0 = 0): { last: ModeEStep; actions: ModeEAction[] } {
  let last = start;
  const actions: ModeEAction[] = [];
  chunks.forEach((c, i) => {
    last = receiveModeE(last.state, ascii(c), t0 + 10 * (i + 1));
    actions.push(...last.actions);
  });
  return { last, actions };
}

const config = { responseTimeoutMs: 1500 };
const ident = '/ISk5\\2MT382-1000\r\n';

describe('IEC 62056-21 mode E opening (sans-IO)', () => {
  it('sends the request /?!CR LF and arms the response timer', () => {
    expect(summary(startModeE(config, 100).actions)).to.deep.equal(['send "/?!\\r\\n"', 'timer 1600']);
  });

  it('puts the device address between ? and ! (6.3.1)', () => {
    expect(text(encodeRequest('12345678'))).to.equal('/?12345678!\r\n');
  });

  it('answers a mode E identification with ACK 2 Z 2 CR LF and then switches to that rate', () => {
    const { actions, last } = feed(startModeE(config, 0), [ident]);
    expect(summary(actions)).to.deep.equal(['send "\\u0006252\\r\\n"', 'switch 9600']);
    expect(encodeOptionSelect('5')).to.deep.equal(Uint8Array.from([0x06, 0x32, 0x35, 0x32, 0x0d, 0x0a]));
    expect(last.state.phase).to.equal('switching');
  });

  it('selects each offered rate, and never more than maxBaud', () => {
    const switched = (z: string, maxBaud?: number): string[] =>
      summary(feed(startModeE({ ...config, ...(maxBaud !== undefined && { maxBaud }) }, 0), [`/ABC${z}\\2X\r\n`]).actions).filter((a) =>
        a.startsWith('switch'),
      );
    expect(['0', '1', '2', '3', '4', '5', '6'].flatMap((z) => switched(z))).to.deep.equal([
      'switch 300',
      'switch 600',
      'switch 1200',
      'switch 2400',
      'switch 4800',
      'switch 9600',
      'switch 19200',
    ]);
    expect(switched('6', 9600)).to.deep.equal(['switch 9600']);
    expect(switched('6', 5000)).to.deep.equal(['switch 4800']);
    expect(selectBaudRate(2400, 19200)).to.equal(2400);
  });

  it('assembles an identification that arrives one byte at a time, re-arming the timer each time', () => {
    const { actions } = feed(startModeE(config, 0), [...ident]);
    expect(summary(actions).filter((a) => a.startsWith('timer'))).to.have.length(ident.length - 1);
    expect(summary(actions).slice(-2)).to.deep.equal(['send "\\u0006252\\r\\n"', 'switch 9600']);
  });

  it('skips an echo of the request from an optical head, even split across chunks', () => {
    const { actions } = feed(startModeE(config, 0), ['/?', '!\r\n/IS', 'k5\\2MT382-1000\r\n']);
    expect(summary(actions)).to.deep.equal(['timer 1510', 'skip "/?!\\r\\n"', 'timer 1520', 'send "\\u0006252\\r\\n"', 'switch 9600']);
  });

  it('fails at the first wrong byte without waiting for the rest', () => {
    const { actions, last } = feed(startModeE(config, 0), ['/IS', 'k9']);
    expect(summary(actions)).to.deep.equal(['timer 1510', 'fail IEC21_IDENT_BAD_BAUD_CHARACTER@4']);
    expect(last.state.phase).to.equal('failed');
  });

  it('counts a skipped echo in the offset of an error', () => {
    const { actions } = feed(startModeE(config, 0), ['/?!\r\nXYZ']);
    expect(summary(actions)).to.deep.equal(['skip "/?!\\r\\n"', 'fail IEC21_IDENT_NO_START@5']);
  });

  it('refuses a device that does not offer \\2 (mode C only) with IEC21_NO_MODE_E', () => {
    const { actions } = feed(startModeE(config, 0), ['/ABC5METER\r\n']);
    expect(summary(actions)).to.deep.equal(['fail IEC21_NO_MODE_E@5']);
  });

  it('acknowledges a device without \\2 anyway when told requireEnhancedId: false, and says so in the note', () => {
    const { actions, last } = feed(startModeE({ ...config, requireEnhancedId: false }, 0), ['/GRX5123456789\r\n']);
    expect(summary(actions)).to.deep.equal(['send "\\u0006252\\r\\n"', 'switch 9600']);
    const ack = actions.find((x) => x.type === 'send');
    expect(ack?.type === 'send' && ack.note).to.match(/lacks the enhanced identification \\2/);
    expect(last.state.phase === 'switching' && last.state.identification.hdlc).to.equal(false);
  });

  it('refuses bytes sent after the identification, before the acknowledgement', () => {
    const { actions } = feed(startModeE(config, 0), [`${ident}~`]);
    expect(summary(actions)).to.deep.equal([`fail IEC21_IDENT_TRAILING_BYTES@${ident.length}`]);
  });

  it('reports silence as IEC21_SILENT once the timeout has passed, and not before', () => {
    const start = startModeE(config, 0);
    expect(expireModeE(start.state, 1499).actions).to.deep.equal([]);
    expect(summary(expireModeE(start.state, 1500).actions)).to.deep.equal(['fail IEC21_SILENT@0']);
  });

  it('reports silence in the middle of an identification as IEC21_IDENT_TRUNCATED', () => {
    const { last } = feed(startModeE(config, 0), ['/ISk5']);
    expect(expireModeE(last.state, 1509).actions).to.deep.equal([]);
    expect(summary(expireModeE(last.state, 1510).actions)).to.deep.equal(['fail IEC21_IDENT_TRUNCATED@5']);
  });

  it('treats an echo alone as silence from the device', () => {
    const { last } = feed(startModeE(config, 0), ['/?!\r\n']);
    const e = expireModeE(last.state, 5000).actions[0];
    expect(e?.type === 'fail' && e.error.code).to.equal('IEC21_SILENT');
  });

  it('ignores bytes and timers once it has switched or failed', () => {
    const { last } = feed(startModeE(config, 0), [ident]);
    expect(receiveModeE(last.state, ascii('x'), 50).actions).to.deep.equal([]);
    expect(expireModeE(last.state, 1e9).actions).to.deep.equal([]);
  });

  it('rejects a device address a device could not parse, and a maxBaud below 300', () => {
    const codeOf = (fn: () => unknown): string => {
      try {
        fn();
      } catch (e) {
        if (e instanceof Iec21Error) return `${e.code}@${e.offset}`;
      }
      return 'no error';
    };
    expect(codeOf(() => startModeE({ ...config, address: 'AB/C' }, 0))).to.equal('IEC21_BAD_ADDRESS@2');
    expect(codeOf(() => startModeE({ ...config, address: 'A'.repeat(33) }, 0))).to.equal('IEC21_BAD_ADDRESS@32');
    expect(codeOf(() => startModeE({ ...config, maxBaud: 110 }, 0))).to.equal('IEC21_BAD_MAX_BAUD@0');
  });

  it('reaches the same outcome at every split of the answer (property)', () => {
    const answer = `/?!\r\n${ident}`;
    const whole = summary(feed(startModeE(config, 0), [answer]).actions).filter((a) => !a.startsWith('timer'));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: answer.length - 1 }), { maxLength: 6 }), (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), answer.length];
        const chunks = points.slice(1).map((p, i) => answer.slice(points[i], p));
        const got = summary(feed(startModeE(config, 0), chunks).actions).filter((a) => !a.startsWith('timer'));
        expect(got).to.deep.equal(whole);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('always ends in switch, fail or a pending timer on arbitrary answers, never throwing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 12 }), { maxLength: 6 }), (chunks) => {
        let step = startModeE(config, 0);
        const all: ModeEAction[] = [];
        for (const c of chunks) {
          step = receiveModeE(step.state, c, 1);
          all.push(...step.actions);
        }
        const terminal = all.filter((a) => a.type === 'switch' || a.type === 'fail');
        if (step.state.phase === 'awaiting-identification') {
          expect(terminal).to.deep.equal([]);
          expect(expireModeE(step.state, 1e6).state.phase).to.equal('failed');
        } else {
          expect(terminal).to.have.length(1);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
