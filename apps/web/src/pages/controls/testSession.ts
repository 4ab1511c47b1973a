import { sessionInfo } from '../../test/fakeApi';

/** An administrator who also operates, checks and manages controls (all reach). */
export function controlsSession(reach: 'all' | 'own' = 'all') {
  const base = sessionInfo('admin');
  return {
    ...base,
    permissions: {
      ...base.permissions,
      'controls:read': reach,
      'controls:operate': reach,
      'controls:check': reach,
      'controls:manage': reach,
    },
  };
}
