/**
 * A failure of the OAuth endpoints, in the OAuth 2.0 shape (`{error, error_description}`) rather
 * than the REST API's array: jsforce's OAuth2 class reads `error` as the Error's name and
 * `error_description` as its message. Descriptions are Salesforce's, word for word.
 */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
    this.name = 'OAuthError';
  }

  toBody(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

export const OAuthErrors = {
  unsupportedGrantType: () => new OAuthError('unsupported_grant_type', 'grant type not supported'),
  invalidClientId: () => new OAuthError('invalid_client_id', 'client identifier invalid'),
  invalidClientCredentials: () => new OAuthError('invalid_client', 'invalid client credentials'),
  authenticationFailure: () => new OAuthError('invalid_grant', 'authentication failure'),
  invalidAssertion: () => new OAuthError('invalid_grant', 'invalid assertion'),
  audienceInvalid: () => new OAuthError('invalid_grant', 'audience is invalid'),
  expiredAssertion: () => new OAuthError('invalid_grant', 'expired authorization code'),
  userNotApproved: () => new OAuthError('invalid_grant', "user hasn't approved this consumer"),
  expiredRefreshToken: () => new OAuthError('invalid_grant', 'expired access/refresh token'),
  invalidAuthorizationCode: () => new OAuthError('invalid_grant', 'invalid authorization code'),
  noClientCredentialsUser: () => new OAuthError('invalid_grant', 'no client credentials user enabled'),
} as const;
