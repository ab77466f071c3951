import { hkdfSync } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

/** Why an admission token does not open checkout; the hold's InvalidAdmissionError says which. */
export type AdmissionRefusal = 'FORGED' | 'EXPIRED' | 'NOT_YOURS' | 'WRONG_CONCERT' | 'ALREADY_USED';

export interface Admission {
  /** The queue entry's id, the token's jti: spending it marks that entry used. */
  entryId: string;
  concertId: string;
  /** The shopper it was given to (shopper-identity.ts). */
  identity: string;
  expiresAt: Date;
}

export type AdmissionCheck = { ok: true; admission: Admission } | { ok: false; reason: AdmissionRefusal };

const AUDIENCE = 'concert-tickets/hold';

/**
 * Signs and checks admission tokens: JWS (HS256, by jose) whose claims bind the token to one shopper
 * (sub), one concert, one queue entry (jti) and the admission's expiry (exp). The key is derived
 * from the app's auth secret with HKDF under its own label, so a token can never pass for a session
 * or a booking link, and every instance (sharing the secret) accepts every other's tokens.
 * Checking costs no database read; only spending one does (admission-claim.ts).
 */
export class AdmissionTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new Uint8Array(hkdfSync('sha256', secret, 'concert-tickets', 'waiting-room admission token v1', 32));
  }

  sign(admission: Admission): Promise<string> {
    return new SignJWT({ concert: admission.concertId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(admission.identity)
      .setJti(admission.entryId)
      .setAudience(AUDIENCE)
      // Whole seconds, rounded down: the token never outlives the admission the database holds.
      .setExpirationTime(Math.floor(admission.expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  /**
   * Checks signature, expiry, holder and concert, in that order: a forged token says nothing else.
   * `identities`: the caller's (shopperIdentitiesOf); the token must have been given to one of them.
   */
  async check(token: string, identities: readonly string[], concertId: string, now: Date = new Date()): Promise<AdmissionCheck> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], audience: AUDIENCE, currentDate: now, requiredClaims: ['sub', 'jti', 'exp'] }));
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? 'EXPIRED' : 'FORGED' };
    }
    if (typeof payload.concert !== 'string') return { ok: false, reason: 'FORGED' };
    const identity = payload.sub!;
    if (!identities.includes(identity)) return { ok: false, reason: 'NOT_YOURS' };
    if (payload.concert !== concertId) return { ok: false, reason: 'WRONG_CONCERT' };
    return { ok: true, admission: { entryId: payload.jti!, concertId, identity, expiresAt: new Date(payload.exp! * 1000) } };
  }
}
