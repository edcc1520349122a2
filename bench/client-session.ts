/**
 * A tracing client associated with the simulator's public association, and the attribute lists
 * the client benchmarks read. A benchmark that does not get what it reads stops with an error:
 * a rate of failed exchanges means nothing.
 */
import { createClient, type TransportSpec } from '../client';
import type { AttributeRef, DlmsClient, Framing, GetOutcome } from '../client/api';
import type { Data } from '../dlms/axdr/data';
import { formatObis } from '../dlms/cosem/obis';

/** Logical device name (Blue Book 4.1.8.2 / Green Book 4.2.1: class 1, 0-0:42.0.0.255), attribute 2. */
export const LOGICAL_DEVICE_NAME: AttributeRef = { classId: 1, obis: '0-0:42.0.0.255', attribute: 2 };
/** Current association's object list (Blue Book 4.4.3, Association LN class 15, attribute 2). */
export const OBJECT_LIST: AttributeRef = { classId: 15, obis: '0-0:40.0.0.255', attribute: 2 };

export async function associatedClient(transport: TransportSpec, framing: Framing): Promise<DlmsClient> {
  const client = createClient({
    transport,
    link: { framing, serverLogical: 1, serverPhysical: 16, addressSize: 2, responseTimeoutMs: 2000, interFrameTimeoutMs: 200 },
    connectTimeoutMs: 1000,
  });
  const a = await client.associate({ name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none' });
  if (a.kind !== 'accepted') throw new Error(`bench: association not accepted: ${JSON.stringify(a)}`);
  return client;
}

export async function closeClient(client: DlmsClient): Promise<void> {
  await client.release();
  await client.disconnect();
}

/** Reads `ref`; throws unless the meter answered with data. */
export async function getData(client: DlmsClient, ref: AttributeRef): Promise<Data> {
  const o = await client.get(ref);
  if (o.kind !== 'data') throw new Error(`bench: GET ${ref.obis}/${ref.attribute} gave ${describe(o)}`);
  return o.data;
}

function describe(o: GetOutcome): string {
  return JSON.stringify(o, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v));
}

/**
 * Blue Book 4.4.3, attribute_access_item.access_mode: 1 read-only, 3 read-and-write,
 * 4 authenticated-read-only, 6 authenticated-read-and-write can be read.
 */
const READABLE_ACCESS_MODES = new Set([1, 3, 4, 6]);

const items = (d: Data | undefined): readonly Data[] => (d !== undefined && (d.type === 'structure' || d.type === 'array') ? d.items : []);
const numberOf = (d: Data | undefined): number | undefined => (d !== undefined && 'value' in d && typeof d.value === 'number' ? d.value : undefined);

/**
 * Every readable attribute of every object in an object list: object_list_element is
 * { class_id, version, logical_name, access_rights: { attribute_access[], method_access[] } }.
 */
export function readableAttributes(objectList: Data): AttributeRef[] {
  const out: AttributeRef[] = [];
  for (const element of items(objectList)) {
    const [classId, , name, rights] = items(element);
    const id = numberOf(classId);
    if (id === undefined || name?.type !== 'octet-string') continue;
    for (const access of items(items(rights)[0])) {
      const [attribute, mode] = items(access).map(numberOf);
      if (attribute !== undefined && mode !== undefined && READABLE_ACCESS_MODES.has(mode)) {
        out.push({ classId: id, obis: formatObis(name.value), attribute });
      }
    }
  }
  return out;
}
