/**
 * `dlmsct read`: a whole meter into a snapshot, one association after another, each on its own
 * link (a new client), in the order the profile declares them.
 */
import { toHex } from '../../dlms/bytes/hex';
import type { Dut } from '../dut';
import type { Profile } from '../profile/types';
import { readAssociation, type ReadOptions } from './read-association';
import { type AssociationSnapshot, SNAPSHOT_FORMAT, type Snapshot } from './snapshot';

/** Blue Book 4.1.8 / Green Book 4.1.8.2: the COSEM logical device name object. */
export const LOGICAL_DEVICE_NAME = '0-0:42.0.0.255';

export interface SnapshotProgress {
  readonly association: string;
  /** 1-based position of the association among those read, and how many there are. */
  readonly index: number;
  readonly count: number;
  readonly done: number;
  readonly total: number;
}

export interface ReadSnapshotOptions {
  readonly profile: Profile;
  readonly dut: Dut;
  /** Only this association (a name the profile declares); default every one. */
  readonly association?: string;
  readonly include?: ReadOptions['include'];
  readonly onProgress?: (p: SnapshotProgress) => void;
  /** Called when an association is done (read or not), for plain progress lines. */
  readonly onAssociation?: (a: AssociationSnapshot) => void;
  readonly now?: () => Date;
}

export async function readSnapshot(opts: ReadSnapshotOptions): Promise<Snapshot> {
  const readAt = (opts.now ?? (() => new Date()))();
  const chosen = opts.profile.associations.filter((a) => opts.association === undefined || a.name === opts.association);
  const associations: AssociationSnapshot[] = [];
  for (const [i, a] of chosen.entries()) {
    const progress = (done: number, total: number) => opts.onProgress?.({ association: a.name, index: i + 1, count: chosen.length, done, total });
    const snap = await readAssociation(opts.dut.newClient(), opts.profile, a, { ...(opts.include ? { include: opts.include } : {}), onAttribute: progress });
    associations.push(snap);
    opts.onAssociation?.(snap);
  }
  return {
    format: SNAPSHOT_FORMAT,
    device: deviceOf(opts.profile),
    profile: opts.profile.file,
    target: opts.dut.label,
    readAt: readAt.toISOString(),
    logicalDeviceName: logicalDeviceNameOf(associations),
    associations,
  };
}

function deviceOf(p: Profile): Record<string, string> {
  const d = p.device;
  return Object.fromEntries(
    Object.entries({ name: d.name, manufacturer: d.manufacturer, model: d.model, firmware: d.firmware }).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  );
}

/** The logical device name as the first association that read it saw it, as hex. */
export function logicalDeviceNameOf(associations: readonly AssociationSnapshot[]): string | null {
  for (const a of associations) {
    if (a.status !== 'read') continue;
    const o = a.objects.find((x) => x.obis === LOGICAL_DEVICE_NAME && x.classId === 1);
    const r = o?.attributes.find((x) => x.id === 2)?.read;
    if (r?.kind === 'value' && typeof r.data === 'object' && r.data !== null && !Array.isArray(r.data)) {
      const { type, value } = r.data as { type?: unknown; value?: unknown };
      if (typeof value !== 'string') continue;
      // The object is an octet-string (Green Book 4.1.8.2); a visible-string one is kept as its bytes too.
      return type === 'octet-string' ? value : toHex(new TextEncoder().encode(value));
    }
  }
  return null;
}
