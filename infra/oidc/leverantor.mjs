// One real OpenID Provider (npm oidc-provider, certified) configured as the portal expects Entra ID to behave: the
// authorization code flow with PKCE, the claims in the ID token (an employee number and groups, as Entra sends with the
// optional claim employeeid and group claims), consent taken as given (a first-party app), and the development
// sign-in form, which accepts any login as the subject. Used by the tests' issuers (provider.mjs) and the sign-in bench
// (bench/oidc-leverantor.mjs), so both run the same provider.
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { default: Provider } = await import(pathToFileURL(path.join(here, '..', 'tools', 'node_modules', 'oidc-provider', 'lib', 'index.js')).href);

/** The value of --name on the command line, or the fallback. */
export const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};

/** An issuer with one client; claimsFor(sub) gives the claims of the person who typed that login. */
export function leverantor({ issuer, clientId, clientSecret, cookieKey, claimsFor }) {
  const p = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: ['http://localhost/signin-oidc/placeholder'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email'],
    claims: { openid: ['sub', 'employee_number', 'groups'], profile: ['name'], email: ['email'] },
    conformIdTokenClaims: false, // the claims go in the ID token, as Entra ID puts them
    features: { devInteractions: { enabled: true } },
    async findAccount(ctx, sub) {
      const claims = claimsFor(sub);
      return { accountId: sub, async claims() { return { sub, ...claims }; } };
    },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    cookies: { keys: [cookieKey] },
    // Each issuer signs with a key of its own, made at start (oidc-provider's development keys are the same for all):
    // a token of one municipality's provider never validates as the other's.
    jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
  });
  // The portal under test listens on a port chosen at run time: any loopback callback of the portal's shape is allowed.
  p.Client.prototype.redirectUriAllowed = (uri) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/signin-oidc\/[a-z-]+$/.test(uri);
  p.on('server_error', (ctx, err) => console.error('server_error', err));
  return p;
}
