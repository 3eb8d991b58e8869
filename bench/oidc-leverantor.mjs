#!/usr/bin/env node
// The OpenID Provider of bench/inloggning-massa.sh: one real oidc-provider issuer (the package and configuration of
// infra/oidc/provider.mjs), with the bench's own employees: the login "anstalld00042" carries the employee number
// "B00042", as BenchSeeder gives the person. It also times its own answers per endpoint (PAR, authorize, interaction,
// token ...), inside the provider, and hands them out on GET /bench/tider, so the bench can tell the provider's share of
// a sign-in, including the back-channel calls the portal makes to it, from the portal's own.
//
//   node bench/oidc-leverantor.mjs --port 5596
import { arg, leverantor } from '../infra/oidc/leverantor.mjs';

const port = Number(arg('port', '5596'));
const issuer = `http://127.0.0.1:${port}`;

const p = leverantor({
  issuer, clientId: 'chefsrekrytering', clientSecret: 'bench-hemlighet', cookieKey: 'chefsrekrytering-bench-cookie-key',
  claimsFor: (sub) => {
    const m = /^anstalld(\d{5})$/.exec(sub);
    return m ? { employee_number: `B${m[1]}`, name: `Anställd ${m[1]}`, groups: ['alla-anstallda'] } : { name: sub };
  },
});

// Milliseconds per endpoint, measured around the provider's whole handling of each request.
const tider = {};
const slag = (url) => {
  const s = url.split('?')[0];
  if (s.startsWith('/interaction/')) return s.endsWith('/login') ? 'interaction-login' : 'interaction';
  if (s.startsWith('/auth/')) return 'auth-resume';
  return s.replace(/^\//, '') || 'root';
};
p.use(async (ctx, next) => {
  if (ctx.path === '/bench/tider') {
    if (ctx.method === 'DELETE') for (const k of Object.keys(tider)) delete tider[k];
    ctx.body = tider;
    return;
  }
  const t0 = process.hrtime.bigint();
  await next();
  (tider[slag(ctx.url)] ??= []).push(Number(process.hrtime.bigint() - t0) / 1e6);
});

p.listen(port, '127.0.0.1');
console.log(`oidc-bench: issuer ${issuer}`);
