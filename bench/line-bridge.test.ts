/**
 * The line-speed bridge is never faster than the line it emulates: a chunk of n bytes written at
 * one end is whole at the other no sooner than n × 10 / baud after the line was free. Times are
 * taken in this process around the write and at the last byte's arrival, so load on the machine
 * can only lengthen what is measured, never shorten it; every wait is bounded.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import { openSerial } from '../drivers/serial';
import type { Transport } from '../drivers/transport';
import { bridgeWakeMs, LINE_BRIDGE_MISSING_REASON, lineBridgeAvailable, startLineBridge, wireMs, type LineBridge } from './line-bridge';

const BAUD = 9600;
const ARRIVAL_BOUND_MS = 5000;

/**
 * Listens at an end: `byteAt(n)` resolves with the time the n-th byte (counted from now) arrived,
 * when it does; it rejects after the bound.
 */
function arrivalsAt(end: Transport): { byteAt(n: number): Promise<number> } {
  let total = 0;
  let wanted: { n: number; resolve: (at: number) => void } | undefined;
  end.onData((chunk) => {
    total += chunk.length;
    if (wanted && total >= wanted.n) wanted.resolve(performance.now());
  });
  return {
    byteAt: (n) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${n} bytes did not arrive within ${ARRIVAL_BOUND_MS} ms (${total} did)`)), ARRIVAL_BOUND_MS);
        wanted = {
          n,
          resolve: (at) => {
            clearTimeout(timer);
            wanted = undefined;
            resolve(at);
          },
        };
      }),
  };
}

describe('the bridge’s wake-ups (bridgeWakeMs)', () => {
  it('pairs each write with the first read at or after it, and counts a write never read as nothing', () => {
    // Writes at 10 and 20 read at 10.5 and 20.25; an earlier read (5) belongs to no write; the write at 30 was never read.
    expect(bridgeWakeMs([10, 20, 30], [5, 10.5, 20.25])).to.equal(0.75);
  });
});

describe('the line-speed bridge (bench/line-bridge.py)', function () {
  this.timeout(20_000);
  let bridge: LineBridge;
  let client: Transport;
  let meter: Transport;

  before(function () {
    if (!lineBridgeAvailable()) {
      for (const t of this.test!.parent!.tests) t.title += ` [skipped: ${LINE_BRIDGE_MISSING_REASON}]`;
      this.skip();
    }
  });

  beforeEach(async () => {
    bridge = await startLineBridge(BAUD);
    client = await openSerial({ path: bridge.clientEnd, baudRate: BAUD, timeoutMs: 2000 });
    meter = await openSerial({ path: bridge.meterEnd, baudRate: BAUD, timeoutMs: 2000 });
  });

  afterEach(async () => {
    await client?.close();
    await meter?.close();
    await bridge?.stop();
  });

  it('delivers a chunk of n bytes no sooner than n × 10 / baud after it was written, both ways', async () => {
    for (const [from, to] of [
      [client, meter],
      [meter, client],
    ] as const) {
      const n = 96;
      const whole = arrivalsAt(to).byteAt(n);
      const sent = performance.now();
      await from.write(new Uint8Array(n).fill(0x7e));
      const at = await whole;
      expect(at - sent).to.be.at.least(wireMs(n, BAUD));
    }
  });

  it('queues a chunk behind the bytes written before it: the line carries one byte at a time', async () => {
    const both = arrivalsAt(meter).byteAt(96);
    const sent = performance.now();
    await client.write(new Uint8Array(48).fill(1));
    await client.write(new Uint8Array(48).fill(2));
    const at = await both;
    expect(at - sent).to.be.at.least(wireMs(96, BAUD));
  });

  it('says how late it handed chunks on, and removes the ends it linked when stopped', async () => {
    const arrived = arrivalsAt(meter).byteAt(10);
    await client.write(new Uint8Array(10));
    await arrived;
    await client.close();
    await meter.close();
    const stats = await bridge.stop();
    expect(stats?.deliveries).to.equal(1);
    expect(stats?.lateMs).to.be.at.least(0);
    expect(stats?.maxLateMs).to.equal(stats?.lateMs);
    expect(fs.existsSync(bridge.clientEnd) || fs.existsSync(bridge.meterEnd)).to.equal(false);
  });

  it('refuses a speed that is not a positive number of bits a second, saying so', async () => {
    let error: unknown;
    try {
      await (await startLineBridge(0)).stop();
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('--baud must be positive, got 0');
  });
});
