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
import { arg, leverantor } from './leverantor.mjs';

const port = Number(arg('port', '5556'));

// login → claims. Unknown logins get a subject and a name only (the portal must then refuse them).
const ACCOUNTS = {
  'emma': { employee_number: 'K-1003', name: 'Emma Lindqvist', email: 'emma.lindqvist@kalix.example', groups: ['alla-anstallda'] },
  'lena': { employee_number: 'K-1002', name: 'Lena Holm', email: 'lena.holm@kalix.example', groups: ['alla-anstallda', 'hr-gruppen'] },
};

const provider = (issuer, clientId) => leverantor({
  issuer, clientId, clientSecret: 'test-hemlighet-' + clientId, cookieKey: 'chefsrekrytering-test-cookie-key',
  claimsFor: (sub) => ACCOUNTS[sub] ?? { name: sub },
});

provider(`http://127.0.0.1:${port}`, 'chefsrekrytering').listen(port, '127.0.0.1');
provider(`http://127.0.0.1:${port + 1}`, 'chefsrekrytering').listen(port + 1, '127.0.0.1');
console.log(`oidc: issuers http://127.0.0.1:${port} and http://127.0.0.1:${port + 1}`);
