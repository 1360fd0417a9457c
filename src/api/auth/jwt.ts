import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

const MAX_VERIFIED = 10_000;

/** The claims we use from a Cognito ID or access token. */
export interface VerifiedToken {
  sub: string;
  email?: string;
  groups: string[];
  tokenUse: 'id' | 'access';
  payload: JWTPayload;
}

/**
 * Verifies Cognito JWTs against the pool's JWKS: signature, issuer, expiry, token use and client
 * (ID tokens carry `aud` = client id, access tokens carry `client_id`). Works for Cognito and cognito-local.
 */
export class CognitoJwtVerifier {
  readonly issuer: string;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(opts: { userPoolId: string; clientId: string; region: string; endpoint?: string }) {
    this.issuer = opts.endpoint
      ? `${opts.endpoint.replace(/\/$/, '')}/${opts.userPoolId}`
      : `https://cognito-idp.${opts.region}.amazonaws.com/${opts.userPoolId}`;
    this.jwks = createRemoteJWKSet(new URL(`${this.issuer}/.well-known/jwks.json`));
    this.clientId = opts.clientId;
  }

  private readonly clientId: string;
  /**
   * Tokens already verified, until they expire: a client sends the same token on every request for up to an
   * hour, and its signature, issuer, audience and expiry cannot change in that time. Revocation is not decided
   * here (AccountSecurity checks it on every request). Bounded; cleared when full.
   */
  private readonly verified = new Map<string, VerifiedToken>();

  async verify(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token);
    if (known) {
      if ((known.payload.exp ?? 0) * 1000 > Date.now()) return known;
      this.verified.delete(token);
    }
    const result = await this.verifySignature(token);
    if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    this.verified.set(token, result);
    return result;
  }

  private async verifySignature(token: string): Promise<VerifiedToken> {
    const { payload } = await jwtVerify(token, this.jwks, { issuer: this.issuer, algorithms: ['RS256'] });
    const tokenUse = payload.token_use;
    if (tokenUse === 'id') {
      const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      if (!aud.includes(this.clientId)) throw new Error('token audience is not this client');
    } else if (tokenUse === 'access') {
      if (payload.client_id !== this.clientId) throw new Error('token client is not this client');
    } else {
      throw new Error('token_use must be id or access');
    }
    if (typeof payload.sub !== 'string') throw new Error('token has no subject');
    const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as string[]) : [];
    return {
      sub: payload.sub,
      email: typeof payload.email === 'string' ? payload.email : undefined,
      groups,
      tokenUse,
      payload,
    };
  }
}
