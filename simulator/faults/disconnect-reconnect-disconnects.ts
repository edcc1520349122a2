import type { Fault } from './types';

export const disconnectReconnectDisconnects: Fault = {
  name: 'disconnect-reconnect-disconnects',
  description: 'Disconnect control remote_reconnect (class 70 method 2) runs as remote_disconnect: a reconnect while connected opens the switch.',
  clause: 'Blue Book 4.5.8 (Disconnect control: a transition the state diagram lacks leaves the state as it was)',
  hooks: { redirectMethod: (classId, method, runs) => (classId === 70 && method === 2 ? 1 : runs) },
};
