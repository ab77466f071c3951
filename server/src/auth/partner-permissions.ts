/**
 * What a partner API key may do, stored on the key as better-auth permissions
 * ({"catalogue":["read"],"bookings":["write","read"]}). Partners see them as scope names.
 */
export const PARTNER_SCOPES = ['catalogue:read', 'bookings:write', 'bookings:read'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

export const API_KEY_PREFIX = 'ct_';

/** A new key's quota unless its creator sets another: 100 requests a second, counted over 10 s. */
export const DEFAULT_KEY_RATE_LIMIT = { max: 1_000, windowMs: 10_000 };

export type KeyPermissions = Record<string, string[]>;

export function permissionsOf(scopes: readonly PartnerScope[]): KeyPermissions {
  const permissions: KeyPermissions = {};
  for (const scope of scopes) {
    const [resource, action] = scope.split(':');
    (permissions[resource] ??= []).push(action);
  }
  return permissions;
}

export function scopesOf(permissions: KeyPermissions | null): Set<PartnerScope> {
  const scopes = new Set<PartnerScope>();
  for (const [resource, actions] of Object.entries(permissions ?? {})) {
    for (const action of actions) {
      const scope = `${resource}:${action}`;
      if ((PARTNER_SCOPES as readonly string[]).includes(scope)) scopes.add(scope as PartnerScope);
    }
  }
  return scopes;
}
