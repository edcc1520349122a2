/**
 * An in-process transport pair (the MockBinding idea): what one end writes, the other end
 * receives on the next microtask, in order, never merged with a later write. Used to run the
 * harness against the simulator in unit-test time.
 */
import type { Transport } from './transport';

class MemoryEnd implements Transport {
  peer: MemoryEnd | undefined;
  private dataListener: ((chunk: Uint8Array) => void) | undefined;
  private closeListener: ((error?: Error) => void) | undefined;
  private pending: Uint8Array[] = [];
  private closed = false;

  constructor(readonly label: string) {}

  async write(bytes: Uint8Array): Promise<void> {
    if (this.closed) throw new Error(`${this.label}: write after close`);
    const peer = this.peer;
    if (!peer || peer.closed) return; // the other end is gone: bytes go nowhere, as on a wire
    const copy = bytes.slice();
    queueMicrotask(() => peer.deliver(copy));
  }

  private deliver(chunk: Uint8Array): void {
    if (this.closed) return;
    if (this.dataListener) this.dataListener(chunk);
    else this.pending.push(chunk);
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.dataListener = listener;
    const queued = this.pending;
    this.pending = [];
    for (const c of queued) listener(c);
  }

  onClose(listener: (error?: Error) => void): void {
    this.closeListener = listener;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const peer = this.peer;
    this.closeListener?.();
    if (peer && !peer.closed) queueMicrotask(() => peer.remoteClosed());
  }

  private remoteClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeListener?.();
  }
}

/** Two connected ends: `[client, server]`. */
export function memoryPair(label = 'memory'): [Transport, Transport] {
  const a = new MemoryEnd(`${label} (client end)`);
  const b = new MemoryEnd(`${label} (server end)`);
  a.peer = b;
  b.peer = a;
  return [a, b];
}
