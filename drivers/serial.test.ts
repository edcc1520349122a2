import { expect } from 'chai';
import { SerialPortMock } from 'serialport';
import { receiveBytes, skipWithoutSocat, startPtyPair, type PtyPair } from '../test/helpers/pty';
import { openSerial, portTransport, serialLabel } from './serial';
import { type Transport, UnreachableError } from './transport';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Opens a SerialPortMock on a fresh mock path; resolves once it is open. */
function openMock(path: string, Port: typeof SerialPortMock = SerialPortMock): Promise<SerialPortMock> {
  SerialPortMock.binding.createPort(path, { echo: false, record: true });
  return new Promise((resolve, reject) => {
    const port = new Port({ path, baudRate: 9600 }, (e) => (e ? reject(e) : resolve(port)));
  });
}

function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('serial transport', () => {
  afterEach(() => SerialPortMock.binding.reset());

  it('labels a port with its path and line settings', () => {
    expect(serialLabel({ path: '/dev/ttyUSB0', baudRate: 300, dataBits: 7, parity: 'even' })).to.equal('serial /dev/ttyUSB0 300 7E1');
    expect(serialLabel({ path: '/dev/ttyUSB0', baudRate: 9600 })).to.equal('serial /dev/ttyUSB0 9600 8N1');
  });

  it('keeps chunks that arrive before a listener and delivers them on registration, in order', async () => {
    const port = await openMock('/dev/mock-queue');
    const t = portTransport(port, 'mock', 500);
    port.port!.emitData(Buffer.from('ab'));
    port.port!.emitData(Buffer.from('cd'));
    await new Promise<void>((resolve) => port.once('data', () => resolve()));
    expect(await receiveBytes(t, 4, 1000)).to.deep.equal(ascii('abcd'));
    await t.close();
  });

  it('writes bytes to the port and waits for them to drain', async () => {
    const port = await openMock('/dev/mock-write');
    const t = portTransport(port, 'mock', 500);
    await t.write(ascii('/?!\r\n'));
    expect(port.port!.recording.toString('latin1')).to.equal('/?!\r\n');
    await t.close();
  });

  it('rejects a write after close, and tells the close listener once', async () => {
    const port = await openMock('/dev/mock-closed');
    const t = portTransport(port, 'mock', 500);
    const heard: (Error | undefined)[] = [];
    t.onClose((e) => heard.push(e));
    await t.close();
    await t.close();
    expect(heard).to.deep.equal([undefined]);
    const e = await rejectionOf(t.write(ascii('x')));
    expect((e as Error).message).to.contain('closed');
  });

  it('gives up on a close the driver never confirms after the bound', async () => {
    class StuckPort extends SerialPortMock {
      override close(): void {
        // the driver never answers
      }
    }
    const port = await openMock('/dev/mock-stuck', StuckPort);
    const t = portTransport(port, 'mock', 50);
    const heard: (Error | undefined)[] = [];
    t.onClose((e) => heard.push(e));
    const started = Date.now();
    await t.close();
    expect(Date.now() - started).to.be.below(1000);
    expect(heard[0]?.message).to.contain('close not confirmed within 50 ms');
  });

  it('reports a path that does not exist as UnreachableError naming the path, without crashing', async () => {
    const e = await rejectionOf(openSerial({ path: '/dev/dlmsct-no-such-port', baudRate: 9600, timeoutMs: 2000 }));
    expect(e).to.be.instanceOf(UnreachableError);
    expect((e as UnreachableError).target).to.contain('/dev/dlmsct-no-such-port');
    expect((e as UnreachableError).message).to.contain('does not exist');
  });

  it('reports settings the driver refuses as UnreachableError, not a synchronous throw', async () => {
    const e = await rejectionOf(openSerial({ path: '/dev/dlmsct-no-such-port', baudRate: 0, timeoutMs: 2000 }));
    expect(e).to.be.instanceOf(UnreachableError);
  });

  describe('over a socat pty pair', () => {
    let pair: PtyPair;
    let a: Transport;
    let b: Transport;

    before(async function () {
      skipWithoutSocat(this);
      pair = await startPtyPair();
    });
    after(async () => pair?.stop());

    beforeEach(async () => {
      a = await openSerial({ path: pair.a, baudRate: 9600, timeoutMs: 2000 });
      b = await openSerial({ path: pair.b, baudRate: 9600, timeoutMs: 2000 });
    });
    afterEach(async () => {
      await a?.close();
      await b?.close();
    });

    it('carries bytes from A to B and from B to A', async () => {
      const atB = receiveBytes(b, 5, 2000);
      await a.write(ascii('hello'));
      expect(await atB).to.deep.equal(ascii('hello'));
      const atA = receiveBytes(a, 5, 2000);
      await b.write(ascii('world'));
      expect(await atA).to.deep.equal(ascii('world'));
    });

    it('delivers a 4 KiB payload written in 64 chunks intact, both ways', async () => {
      const payload = Uint8Array.from({ length: 4096 }, (_, i) => (i * 31 + (i >> 8)) & 0xff);
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        const arrived = receiveBytes(to, payload.length, 3000);
        for (let i = 0; i < payload.length; i += 64) await from.write(payload.subarray(i, i + 64));
        expect(await arrived).to.deep.equal(payload);
      }
    });

    it('opens at 300 baud 7E1 and carries bytes unchanged (a pty emulates no parity)', async () => {
      await a.close(); // the port is opened exclusively
      const slow = await openSerial({ path: pair.a, baudRate: 300, dataBits: 7, parity: 'even', timeoutMs: 2000 });
      try {
        const atB = receiveBytes(b, 5, 2000);
        await slow.write(ascii('/?!\r\n'));
        expect(await atB).to.deep.equal(ascii('/?!\r\n'));
      } finally {
        await slow.close();
      }
    });
  });
});
