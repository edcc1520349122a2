import type { Fault } from './types';

/** The push method answers success but sends nothing. */
export const pushNotSent: Fault = {
  name: 'push-not-sent',
  description: 'Push setup method push (class 40 method 1) answers success but no data-notification follows.',
  clause: 'Blue Book 4.4.8 (Push setup push) and Green Book 9.3.x DataNotification',
  hooks: {
    onPush: () => undefined,
  },
};
