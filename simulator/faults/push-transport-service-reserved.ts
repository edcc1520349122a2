import { alterAttribute, withItem } from './attribute-hook';
import type { Fault } from './types';

export const pushTransportServiceReserved: Fault = {
  name: 'push-transport-service-reserved',
  description: 'Push setup send_destination_and_method (class 40 attribute 3) names transport_service 100, a reserved value.',
  clause: 'Blue Book 4.4.8 (Push setup transport_service: 0..8, 200..255)',
  hooks: alterAttribute(40, 3, (v) => withItem(v, 0, { type: 'enum', value: 100 })),
};
