import { expect } from 'chai';
import { receiveBytes, skipWithoutSocat, startPtyPair, type PtyPair } from '../test/helpers/pty';
import { bounded, Iec21Error, openIec21ModeE, type Iec21Exchange } from './iec21';
import { openSerial } from './serial';
import { type Transport, UnreachableError } from './transport';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array): string => String.fromCharCode(...b);

interface FakeMeterOptions {
  /** What the meter answers to the request; undefined: it stays silent. */
  readonly identification?: string;
  /** Send the request back first, as an optical head that hears itself does. */
  readonly echo?: boolean;
}

interface FakeMeter {
  /** Everything the meter received at 300 baud: the request and the acknowledgement. */
  readonly opening: Promise<string>;
  /** The meter's end reopened 8N1 after the acknowledgement, as a real meter switches. */
  readonly switched: Promise<Transport>;
  stop(): Promise<void>;
}

/** Rejects after `ms`: every wait on the fake meter is bounded too. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return bounded(p, ms, () => new Error(`${what}: nothing within ${ms} ms`));
}

/**
 * A tiny mode E meter on the other end of the pty: waits for a whole request line, answers
 * with `identification`, waits for the 6-byte acknowledgement, then reopens its end 8N1.
 */
async function fakeMeter(path: string, opts: FakeMeterOptions): Promise<FakeMeter> {
  let port = await openSerial({ path, baudRate: 300, dataBits: 7, parity: 'even', timeoutMs: 2000 });
  let seen = '';
  let answered = false;
  let stopped = false;
  let resolveOpening!: (s: string) => void;
  const opening = new Promise<string>((r) => (resolveOpening = r));
  let switching: Promise<Transport> | undefined;
  port.onData((chunk) => {
    seen += text(chunk);
    if (!answered && seen.endsWith('!\r\n')) {
      answered = true;
      if (opts.identification !== undefined) void port.write(ascii((opts.echo ? seen : '') + opts.identification));
    } else if (answered && !switching && seen.includes('\x06') && seen.endsWith('\r\n')) {
      resolveOpening(seen);
      switching = port.close().then(async () => {
        if (stopped) throw new Error('meter stopped');
        port = await openSerial({ path, baudRate: 9600, timeoutMs: 2000 });
        return port;
      });
      switching.catch(() => undefined);
    }
  });
  return {
    opening: within(opening, 3000, 'fake meter: request and acknowledgement').catch((e: Error) => {
      throw new Error(`${e.message}; saw ${JSON.stringify(seen)}`);
    }),
    get switched() {
      return within(
        opening.then(() => switching!),
        3000,
        'fake meter: reopened 8N1',
      );
    },
    async stop() {
      stopped = true;
      await switching?.catch(() => undefined);
      await port.close();
    },
  };
}

async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('IEC 62056-21 mode E opener', () => {
  it('reports a path that does not exist as UnreachableError naming it', async () => {
    const e = await rejectionOf(openIec21ModeE({ path: '/dev/dlmsct-no-such-port', timeoutMs: 500 }));
    expect(e).to.be.instanceOf(UnreachableError);
    expect((e as UnreachableError).target).to.contain('/dev/dlmsct-no-such-port');
  });

  it('refuses a bad device address before touching the port', async () => {
    const e = await rejectionOf(openIec21ModeE({ path: '/dev/dlmsct-no-such-port', address: 'a/b', timeoutMs: 500 }));
    expect((e as Iec21Error).code).to.equal('IEC21_BAD_ADDRESS');
  });

  describe('over a pty, against a fake meter', () => {
    let pair: PtyPair;
    let meter: FakeMeter | undefined;

    before(async function () {
      skipWithoutSocat(this);
      pair = await startPtyPair();
    });
    after(async () => pair?.stop());
    afterEach(async () => {
      await meter?.stop();
      meter = undefined;
    });

    it('opens mode E: request, identification, ACK 2 5 2, then HDLC bytes flow both ways at 9600 8N1', async () => {
      meter = await fakeMeter(pair.b, { identification: '/ISk5\\2MT382-1000\r\n' });
      const exchanges: Iec21Exchange[] = [];
      const t = await openIec21ModeE({ path: pair.a, timeoutMs: 2000, onExchange: (r) => exchanges.push(r) });
      try {
        expect(await meter.opening).to.equal('/?!\r\n\x06252\r\n');
        expect(t.baudRate).to.equal(9600);
        expect(t.identification).to.include({ manufacturer: 'ISk', ident: 'MT382-1000', hdlc: true });
        expect(t.label).to.contain('9600 8N1').and.contain('mode E');
        expect(exchanges.filter((x) => x.dir === 'tx').map((x) => text(x.bytes!))).to.deep.equal(['/?!\r\n', '\x06252\r\n']);

        const meterLine = await meter.switched;
        // Any bytes will do: the transport does not interpret them.
        const frame = Uint8Array.from([0x7e, 0xa0, 0x07, 0x03, 0x21, 0x93, 0x0f, 0x01, 0x7e]);
        const atMeter = receiveBytes(meterLine, frame.length, 2000);
        await t.write(frame);
        expect(await atMeter).to.deep.equal(frame);
        const atClient = receiveBytes(t, 3, 2000);
        await meterLine.write(Uint8Array.from([0x7e, 0x7e, 0x7e]));
        expect(await atClient).to.deep.equal(Uint8Array.from([0x7e, 0x7e, 0x7e]));
      } finally {
        await t.close();
      }
    });

    it('sends the device address and selects no more than maxBaud', async () => {
      meter = await fakeMeter(pair.b, { identification: '/ABC6\\2X\r\n' });
      const t = await openIec21ModeE({ path: pair.a, address: '12345678', timeoutMs: 2000, maxBaud: 4800 });
      await t.close();
      expect(await meter.opening).to.equal('/?12345678!\r\n\x06242\r\n');
      expect(t.baudRate).to.equal(4800);
    });

    it('opens through an optical head that echoes the request', async () => {
      meter = await fakeMeter(pair.b, { identification: '/ABC5\\2X\r\n', echo: true });
      const t = await openIec21ModeE({ path: pair.a, timeoutMs: 2000 });
      await t.close();
      expect(t.baudRate).to.equal(9600);
    });

    it('fails within the bound with UnreachableError (IEC21_SILENT) when the meter says nothing', async () => {
      meter = await fakeMeter(pair.b, {});
      const started = Date.now();
      const e = await rejectionOf(openIec21ModeE({ path: pair.a, timeoutMs: 300 }));
      expect(e).to.be.instanceOf(UnreachableError);
      expect((e as Error).message).to.contain('IEC21_SILENT');
      expect(Date.now() - started).to.be.below(2000);
    });

    it('fails at once with a located Iec21Error when the meter answers garbage, and frees the port', async () => {
      meter = await fakeMeter(pair.b, { identification: 'garbage\r\n' });
      const e = await rejectionOf(openIec21ModeE({ path: pair.a, timeoutMs: 2000 }));
      expect(e).to.be.instanceOf(Iec21Error);
      expect([(e as Iec21Error).code, (e as Iec21Error).offset]).to.deep.equal(['IEC21_IDENT_NO_START', 0]);
      const again = await openSerial({ path: pair.a, baudRate: 9600, timeoutMs: 2000 });
      await again.close();
    });

    it('refuses a meter that offers only mode C with IEC21_NO_MODE_E', async () => {
      meter = await fakeMeter(pair.b, { identification: '/ABC5METER\r\n' });
      const e = await rejectionOf(openIec21ModeE({ path: pair.a, timeoutMs: 2000 }));
      expect((e as Iec21Error).code).to.equal('IEC21_NO_MODE_E');
    });
  });
});
