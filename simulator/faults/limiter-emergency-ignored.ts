import type { Fault } from './types';

export const limiterEmergencyIgnored: Fault = {
  name: 'limiter-emergency-ignored',
  description:
    'A Limiter never activates its emergency profile: threshold_active stays threshold_normal and emergency_profile_active false while an emergency profile of its group is due.',
  clause: 'Blue Book 4.5.9 (Limiter: threshold_emergency is the threshold while an emergency profile is active)',
  hooks: { limiterEmergency: () => false },
};
