import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  ClientAttributes,
  OAuthScope,
  UserPoolClient,
  UserPoolDomain,
  type UserPool,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CLAIM_ENV } from '#lib/platform/identity-claims';
import { contextText, type DeploymentProfile } from '../profile';

/**
 * What every client of the staff user pool shares: the claims it may read (the agency among them), none
 * it may write, no hint whether an account exists, and hour-long ID and access tokens (the console's
 * session is its ID token; signing in again after an hour, managed login remembering who).
 */
export const STAFF_POOL_CLIENT = {
  readAttributes: new ClientAttributes()
    .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
    .withCustomAttributes('agencyId'),
  writeAttributes: new ClientAttributes(),
  preventUserExistenceErrors: true,
  idTokenValidity: Duration.hours(1),
  accessTokenValidity: Duration.hours(1),
  refreshTokenValidity: Duration.hours(12),
  enableTokenRevocation: true,
} as const;

export type StaffIdentityProps = {
  profile: DeploymentProfile;
  /** The global profile's user pool and the API's client of it (absent in china). */
  userPool: UserPool | undefined;
  apiClient: UserPoolClient | undefined;
  /** The site's public address (CloudFront's or API Gateway's), for the console's callback and sign-out. */
  publicBaseUrl: string;
};

/**
 * Who staff are, per profile. Global: Cognito's user pool, verified by the HTTP API's JWT authorizer
 * (issuer = the pool, audience = the API's client), and the console signing in through Cognito's managed
 * login with its own client. China (no user pools there, and no Cognito authorizer): any OpenID Connect
 * issuer — the province's unified identity platform or a self-hosted IdP — verified by the same JWT
 * authorizer (available in the China Regions), the console being one of its clients, the claim names
 * for staff id, agency and roles given by the deployment. The console's code is the same for both.
 */
export class StaffIdentity extends Construct {
  readonly authorizer: HttpJwtAuthorizer;
  /** The environment of the functions that sign staff in (the console's OpenID Connect client). */
  readonly signInEnvironment: Readonly<Record<string, string>>;
  /** The environment of every function that reads staff tokens (the claim names of the issuer). */
  readonly claimEnvironment: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: StaffIdentityProps) {
    super(scope, id);
    if (props.userPool !== undefined && props.apiClient !== undefined) {
      const cognito = cognitoIdentity(this, props.userPool, props.apiClient, props.publicBaseUrl);
      this.authorizer = cognito.authorizer;
      this.signInEnvironment = cognito.signInEnvironment;
      this.claimEnvironment = {};
      return;
    }
    if (props.profile.identity === 'cognito') throw new Error('The global profile needs its user pool.');
    const setting = settingOf(this);
    const issuer = setting('oidcIssuer', 'The staff identity provider’s issuer URL (its ID tokens’ iss)');
    const audience = setting(
      'oidcAudience',
      'The audience (client id) of the ID tokens staff call the API with',
    );
    this.authorizer = new HttpJwtAuthorizer('StaffJwt', issuer, {
      jwtAudience: [audience],
      identitySource: ['$request.header.Authorization'],
    });
    this.signInEnvironment = {
      STAFF_OIDC_ISSUER: issuer,
      STAFF_OIDC_CLIENT_ID: setting(
        'oidcConsoleClientId',
        'The console’s client id at the identity provider',
      ),
      STAFF_OIDC_AUTHORIZE_URL: setting('oidcAuthorizeUrl', 'The identity provider’s authorization endpoint'),
      STAFF_OIDC_TOKEN_URL: setting('oidcTokenUrl', 'The identity provider’s token endpoint'),
      STAFF_OIDC_JWKS_URL: setting('oidcJwksUrl', 'The identity provider’s JWKS (signing keys) address'),
      ...optionalEnv('STAFF_OIDC_LOGOUT_URL', contextText(this.node, 'gongkai:oidcLogoutUrl')),
    };
    this.claimEnvironment = {
      [CLAIM_ENV.staffId]: setting(
        'claimStaffId',
        'The ID-token claim carrying the Gongkai staff id',
        'gongkai_staff_id',
      ),
      [CLAIM_ENV.agencyId]: setting(
        'claimAgency',
        'The ID-token claim carrying the agency id',
        'gongkai_agency_id',
      ),
      [CLAIM_ENV.groups]: setting('claimRoles', 'The ID-token claim carrying the roles', 'gongkai_roles'),
    };
  }
}

function cognitoIdentity(
  scope: Construct,
  userPool: UserPool,
  apiClient: UserPoolClient,
  publicBaseUrl: string,
) {
  const authorizer = new HttpJwtAuthorizer('StaffJwt', userPool.userPoolProviderUrl, {
    jwtAudience: [apiClient.userPoolClientId],
    identitySource: ['$request.header.Authorization'],
  });
  // The console's sign-in: Cognito's managed login, authorization code + PKCE. A public client of its
  // own (no secret: PKCE protects the code), whose only callback is the console's.
  const loginPrefix = contextText(scope.node, 'gongkai:loginDomainPrefix');
  const stack = Stack.of(scope);
  // Ids are the stack's (the resources kept their logical ids when this construct was drawn out).
  const loginDomain = new UserPoolDomain(stack, 'StaffLogin', {
    userPool,
    cognitoDomain: {
      domainPrefix: loginPrefix ?? `gongkai-${stack.account}`,
    },
  });
  const consoleClient = new UserPoolClient(stack, 'ConsoleClient', {
    userPool,
    generateSecret: false,
    authFlows: {},
    oAuth: {
      flows: { authorizationCodeGrant: true },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: [`${publicBaseUrl}/console/signed-in`],
      logoutUrls: [`${publicBaseUrl}/console/signed-out`],
    },
    ...STAFF_POOL_CLIENT,
  });
  const loginBase = loginDomain.baseUrl();
  return {
    authorizer,
    signInEnvironment: {
      STAFF_OIDC_ISSUER: userPool.userPoolProviderUrl,
      STAFF_OIDC_CLIENT_ID: consoleClient.userPoolClientId,
      STAFF_OIDC_AUTHORIZE_URL: `${loginBase}/oauth2/authorize`,
      STAFF_OIDC_TOKEN_URL: `${loginBase}/oauth2/token`,
      STAFF_OIDC_JWKS_URL: `${userPool.userPoolProviderUrl}/.well-known/jwks.json`,
      STAFF_OIDC_LOGOUT_URL: `${loginBase}/logout`,
    },
  };
}

/**
 * A setting of the external identity provider: the context value `gongkai:<name>` when given, else a
 * CloudFormation parameter of the same name (so the template synthesizes offline and asks at deployment).
 */
function settingOf(scope: Construct) {
  return (name: string, description: string, fallback?: string): string => {
    const value = contextText(scope.node, `gongkai:${name}`);
    if (value !== undefined) return value;
    const parameter = new CfnParameter(Stack.of(scope), name.charAt(0).toUpperCase() + name.slice(1), {
      type: 'String',
      description,
      minLength: 1,
      ...(fallback === undefined ? {} : { default: fallback }),
    });
    return parameter.valueAsString;
  };
}

const optionalEnv = (name: string, value: string | undefined): Record<string, string> =>
  value === undefined ? {} : { [name]: value };
