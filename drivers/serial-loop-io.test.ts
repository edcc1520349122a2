import { expect } from 'chai';
import * as fs from 'node:fs';
import { SerialPortMock } from 'serialport';
import { receiveBytes, skipWithoutSocat, startPtyPair, type PtyPair } from '../test/helpers/pty';
import { openSerial } from './serial';
import { readWriteOnLoopThread } from './serial-loop-io';
import type { Transport } from './transport';

/** libuv's default thread-pool size (UV_THREADPOOL_SIZE unset). */
const POOL_THREADS = Number(process.env.UV_THREADPOOL_SIZE ?? 4);

describe('serial reads and writes on the event loop thread', function () {
  this.timeout(20_000);

  it('leaves a port that is not a unix binding (the unit tests’ mock) to its own bindings', async () => {
    SerialPortMock.binding.createPort('/dev/loop-io-mock', { echo: false, record: true });
    const port = await new Promise<SerialPortMock>((resolve, reject) => {
      const p = new SerialPortMock({ path: '/dev/loop-io-mock', baudRate: 9600 }, (e) => (e ? reject(e) : resolve(p)));
    });
    expect(readWriteOnLoopThread(port.port)).to.equal(false);
    await new Promise<void>((resolve) => port.close(() => resolve()));
  });

  describe('over socat pty pairs', () => {
    let line: PtyPair;
    let blocker: PtyPair | undefined;
    let a: Transport;
    let b: Transport;

    before(function () {
      skipWithoutSocat(this);
    });

    beforeEach(async () => {
      line = await startPtyPair();
      a = await openSerial({ path: line.a, baudRate: 9600, timeoutMs: 2000 });
      b = await openSerial({ path: line.b, baudRate: 9600, timeoutMs: 2000 });
    });

    afterEach(async () => {
      // Stopping the blocker frees any pool thread still blocked on it before the ports close (closing uses the pool).
      await blocker?.stop();
      blocker = undefined;
      await a?.close();
      await b?.close();
      await line?.stop();
    });

    it('carries a frame while every thread of libuv’s pool is blocked on something else', async () => {
      // Block each pool thread in a read of a silent tty (blocking descriptor: no CPU spent).
      blocker = await startPtyPair();
      const fd = fs.openSync(blocker.a, 'r+');
      const blockedReads = Array.from(
        { length: POOL_THREADS },
        () => new Promise<void>((resolve) => fs.read(fd, Buffer.alloc(1), 0, 1, null, () => resolve())),
      );
      const atB = receiveBytes(b, 5, 2000);
      // The write's drain (tcdrain) goes through the pool, so its promise settles later; the bytes do not wait.
      const written = a.write(Uint8Array.of(0x7e, 0xa0, 0x07, 0x03, 0x21));
      expect(Array.from(await atB)).to.deep.equal([0x7e, 0xa0, 0x07, 0x03, 0x21]);
      await blocker.stop();
      blocker = undefined;
      await Promise.all(blockedReads);
      fs.closeSync(fd);
      await written;
    });

    it('writes what the pty cannot take at once (64 KiB in one write) whole and in order', async () => {
      const payload = Uint8Array.from({ length: 65_536 }, (_, i) => (i * 7 + (i >> 9)) & 0xff);
      const atB = receiveBytes(b, payload.length, 5000);
      await a.write(payload);
      expect(Buffer.from(await atB).equals(Buffer.from(payload))).to.equal(true);
    });
  });
});
