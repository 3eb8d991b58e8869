#!/usr/bin/env node
// Two real OpenID Providers for the tests (npm oidc-provider, certified): one per municipality, each its own issuer,
// keys and client, on 127.0.0.1. The portal signs in with the authorization code flow and PKCE, as with Entra ID.
//
//   node infra/oidc/provider.mjs --port 5556
//     issuer A: http://127.0.0.1:<port>      issuer B: http://127.0.0.1:<port+1>
//
// The development sign-in form accepts any login, which becomes the subject; the claims come from ACCOUNTS below
// (an employee number and groups, as Entra ID sends with the optional claim employeeid and group claims), so a test
// chooses who signs in by the login it types. Consent is taken as given, as for a first-party app in Entra ID.
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { default: Provider } = await import(pathToFileURL(path.join(here, '..', 'tools', 'node_modules', 'oidc-provider', 'lib', 'index.js')).href);

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', '5556'));

// login → claims. Unknown logins get a subject and a name only (the portal must then refuse them).
const ACCOUNTS = {
  'emma': { employee_number: 'K-1003', name: 'Emma Lindqvist', email: 'emma.lindqvist@kalix.example', groups: ['alla-anstallda'] },
  'lena': { employee_number: 'K-1002', name: 'Lena Holm', email: 'lena.holm@kalix.example', groups: ['alla-anstallda', 'hr-gruppen'] },
};

function provider(issuer, clientId) {
  const p = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: 'test-hemlighet-' + clientId,
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
      const a = ACCOUNTS[sub] ?? { name: sub };
      return { accountId: sub, async claims() { return { sub, ...a }; } };
    },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['chefsrekrytering-test-cookie-key'] },
    // Each issuer signs with a key of its own, made at start (oidc-provider's development keys are the same for all):
    // a token of one municipality's provider never validates as the other's.
    jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
  });
  // The portal under test listens on a port chosen at run time: any loopback callback of the portal's shape is allowed.
  p.Client.prototype.redirectUriAllowed = (uri) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/signin-oidc\/[a-z-]+$/.test(uri);
  p.on('server_error', (ctx, err) => console.error('server_error', err));
  return p;
}

provider(`http://127.0.0.1:${port}`, 'chefsrekrytering').listen(port, '127.0.0.1');
provider(`http://127.0.0.1:${port + 1}`, 'chefsrekrytering').listen(port + 1, '127.0.0.1');
console.log(`oidc: issuers http://127.0.0.1:${port} and http://127.0.0.1:${port + 1}`);
