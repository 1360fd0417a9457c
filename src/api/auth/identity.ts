import type {
  AuthenticationResultType,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { AppError } from '../../errors';
import { lazyClient, sdk, type ClientSource } from '../../adapters/aws/sdk';

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

/** Sign-up, sign-in and password reset through the Cognito API (USER_PASSWORD_AUTH). */
export class CognitoIdentity {
  private readonly client: () => CognitoIdentityProviderClient;

  constructor(
    client: ClientSource<CognitoIdentityProviderClient>,
    private readonly opts: { userPoolId: string; clientId: string; autoConfirm: boolean },
  ) {
    this.client = lazyClient(client);
  }

  async signUp(input: { email: string; password: string; firstName: string; lastName: string }) {
    const out = await this.call(() =>
      this.client().send(
        new (sdk.cognitoIdp().SignUpCommand)({
          ClientId: this.opts.clientId,
          Username: input.email,
          Password: input.password,
          UserAttributes: [
            { Name: 'email', Value: input.email },
            { Name: 'given_name', Value: input.firstName },
            { Name: 'family_name', Value: input.lastName },
          ],
        }),
      ),
    );
    let confirmed = Boolean(out.UserConfirmed);
    if (!confirmed && this.opts.autoConfirm) {
      await this.call(() =>
        this.client().send(
          new (sdk.cognitoIdp().AdminConfirmSignUpCommand)({
            UserPoolId: this.opts.userPoolId,
            Username: input.email,
          }),
        ),
      );
      confirmed = true;
    }
    return { sub: out.UserSub!, confirmed };
  }

  async confirm(email: string, code: string) {
    await this.call(() =>
      this.client().send(
        new (sdk.cognitoIdp().ConfirmSignUpCommand)({
          ClientId: this.opts.clientId,
          Username: email,
          ConfirmationCode: code,
        }),
      ),
    );
  }

  async login(email: string, password: string): Promise<Tokens> {
    const out = await this.call(() =>
      this.client().send(
        new (sdk.cognitoIdp().InitiateAuthCommand)({
          ClientId: this.opts.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD: password },
        }),
      ),
    ).catch((err) => {
      // cognito-local answers a wrong password with InvalidPasswordException; Cognito with NotAuthorizedException.
      if (err instanceof AppError && err.code === 'weak_password')
        throw new AppError(401, 'invalid_credentials', 'Email or password is incorrect');
      throw err;
    });
    return toTokens(out.AuthenticationResult);
  }

  async refresh(refreshToken: string): Promise<Tokens> {
    const out = await this.call(() =>
      this.client().send(
        new (sdk.cognitoIdp().InitiateAuthCommand)({
          ClientId: this.opts.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        }),
      ),
    );
    return { ...toTokens(out.AuthenticationResult), refreshToken };
  }

  async forgot(email: string) {
    try {
      await this.call(() =>
        this.client().send(
          new (sdk.cognitoIdp().ForgotPasswordCommand)({ ClientId: this.opts.clientId, Username: email }),
        ),
      );
    } catch (err) {
      // Do not reveal whether the account exists.
      if (err instanceof AppError && err.code === 'invalid_credentials') return;
      throw err;
    }
  }

  async reset(email: string, code: string, password: string) {
    await this.call(() =>
      this.client().send(
        new (sdk.cognitoIdp().ConfirmForgotPasswordCommand)({
          ClientId: this.opts.clientId,
          Username: email,
          ConfirmationCode: code,
          Password: password,
        }),
      ),
    );
  }

  async addToGroup(email: string, group: string) {
    await this.call(() =>
      this.client().send(
        new (sdk.cognitoIdp().AdminAddUserToGroupCommand)({
          UserPoolId: this.opts.userPoolId,
          Username: email,
          GroupName: group,
        }),
      ),
    );
  }

  /** Revokes one refresh token (and, on Cognito, the access tokens issued from it). */
  async revokeRefreshToken(refreshToken: string) {
    await this.call(() =>
      this.client().send(
        new (sdk.cognitoIdp().RevokeTokenCommand)({ ClientId: this.opts.clientId, Token: refreshToken }),
      ),
    );
  }

  /** Signs the user out everywhere: every refresh token of the user stops working. */
  async globalSignOut(email: string) {
    await this.call(() =>
      this.client().send(
        new (sdk.cognitoIdp().AdminUserGlobalSignOutCommand)({
          UserPoolId: this.opts.userPoolId,
          Username: email,
        }),
      ),
    );
  }

  /** Removes a pool user (undoing a registration whose profile could not be saved). */
  async deleteUser(email: string) {
    await this.call(() =>
      this.client().send(
        new (sdk.cognitoIdp().AdminDeleteUserCommand)({ UserPoolId: this.opts.userPoolId, Username: email }),
      ),
    );
  }

  /** The user's groups as the pool has them now (not as an earlier token said). `username`: the pool's (= sub). */
  async groupsOf(username: string): Promise<string[]> {
    const out = await this.call(() =>
      this.client().send(
        new (sdk.cognitoIdp().AdminListGroupsForUserCommand)({
          UserPoolId: this.opts.userPoolId,
          Username: username,
        }),
      ),
    );
    return (out.Groups ?? []).map((g) => g.GroupName ?? '').filter(Boolean);
  }

  /** Account erasure: removes the user from the pool; a user already gone counts as removed. */
  async removeFromPool(email: string): Promise<'removed' | 'already-absent'> {
    try {
      await this.client().send(
        new (sdk.cognitoIdp().AdminDeleteUserCommand)({ UserPoolId: this.opts.userPoolId, Username: email }),
      );
      return 'removed';
    } catch (err) {
      if (
        err instanceof sdk.cognitoIdp().UserNotFoundException ||
        (err as { name?: string }).name === 'UserNotFoundException'
      )
        return 'already-absent';
      throw err;
    }
  }

  /** Maps Cognito's exceptions to API errors; anything else is a real failure. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapCognitoError(err);
    }
  }
}

function toTokens(r: AuthenticationResultType | undefined): Tokens {
  if (!r?.IdToken || !r.AccessToken) throw new AppError(401, 'unauthorized', 'Sign-in did not complete');
  return {
    idToken: r.IdToken,
    accessToken: r.AccessToken,
    refreshToken: r.RefreshToken,
    expiresIn: r.ExpiresIn ?? 3600,
  };
}

export function mapCognitoError(err: unknown): unknown {
  const idp = sdk.cognitoIdp();
  if (err instanceof idp.UsernameExistsException)
    return new AppError(409, 'email_taken', 'An account with this email already exists');
  if (err instanceof idp.UserNotConfirmedException)
    return new AppError(403, 'not_confirmed', 'Please confirm your email address with the code we sent');
  if (err instanceof idp.NotAuthorizedException || err instanceof idp.UserNotFoundException)
    return new AppError(401, 'invalid_credentials', 'Email or password is incorrect');
  if (err instanceof idp.CodeMismatchException)
    return new AppError(400, 'invalid_code', 'The code is not correct');
  if (err instanceof idp.ExpiredCodeException)
    return new AppError(400, 'expired_code', 'The code has expired');
  if (err instanceof idp.InvalidPasswordException)
    return new AppError(400, 'weak_password', err.message || 'The password does not meet the rules');
  if (err instanceof idp.InvalidParameterException) return new AppError(400, 'validation_error', err.message);
  if (err instanceof idp.LimitExceededException || err instanceof idp.TooManyRequestsException)
    return new AppError(429, 'rate_limited', 'Too many attempts, please try again later');
  // cognito-local answers some failures with a generic error whose name carries Cognito's exception name.
  const name = (err as { name?: string })?.name;
  if (
    name === 'UserNotFoundException' ||
    name === 'NotAuthorizedException' ||
    name === 'InvalidPasswordException'
  ) {
    return new AppError(401, 'invalid_credentials', 'Email or password is incorrect');
  }
  if (name === 'CodeMismatchException') return new AppError(400, 'invalid_code', 'The code is not correct');
  return err;
}
