import type { Fault } from './types';

export const disconnectIgnored: Fault = {
  name: 'disconnect-ignored',
  description: 'Disconnect control remote_disconnect (class 70 method 1) answers success and leaves the switch closed.',
  clause: 'Blue Book 4.5.8 (Disconnect control: remote_disconnect opens the switch)',
  hooks: { ignoreMethod: (classId, method, ignored) => ignored || (classId === 70 && method === 1) },
};
