#!/usr/bin/env node
// The employees of bench/inloggning-massa.sh signing in at once, as browsers would: each its own cookies, following each
// redirect by hand, timing every request and saying whose it was (the portal's or the provider's).
//
//   node bench/inloggning-massa.mjs --satt losenord|oidc --portal http://127.0.0.1:5381 --antal 2000 --samtidiga 64
//        [--kommun alvsbyn] [--losenord Bench-2026-nominera] [--leverantor http://127.0.0.1:5596]
//
// losenord: GET /konto/logga-in, POST the form (e-mail, password, antiforgery token), GET / signed in.
// oidc:     GET /konto/logga-in, POST its municipality button (the portal's challenge: PAR to the provider, 302 there),
//           the provider's authorize, interaction, login form and resume, back to /signin-oidc/{kommun} (the portal's
//           callback: the code exchanged at the provider's token endpoint, the token linked, the cookie written), GET /.
// Prints one JSON object: wall time, sign-ins per second, and per part the request times (ms) of every sign-in.
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const satt = arg('satt', 'losenord');
const portal = new URL(arg('portal', 'http://127.0.0.1:5381'));
const antal = Number(arg('antal', '2000'));
const samtidiga = Number(arg('samtidiga', '64'));
const kommun = arg('kommun', 'alvsbyn');
const losenord = arg('losenord', 'Bench-2026-nominera');
const forst = Number(arg('forst', '1'));
const leverantorsUrl = arg('leverantor', null);
const medHem = arg('hem', 'ja') !== 'nej'; // oidc: end with the first signed-in page, or at the callback's redirect

/** One browser: cookies per origin (the portal and the provider share 127.0.0.1), no automatic redirects. */
class Webblasare {
  jar = new Map();
  async req(url, { method = 'GET', form } = {}) {
    const u = new URL(url);
    const cookies = this.jar.get(u.host) ?? new Map();
    const headers = { accept: 'text/html' };
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form) { headers['content-type'] = 'application/x-www-form-urlencoded'; body = new URLSearchParams(form).toString(); }
    const t0 = performance.now();
    const res = await fetch(u, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    const ms = performance.now() - t0;
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim(), value = pair.slice(eq + 1).trim();
      const gone = value === '' || attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]) < new Date());
      if (gone) cookies.delete(name); else cookies.set(name, value);
    }
    this.jar.set(u.host, cookies);
    const location = res.headers.get('location');
    return { status: res.status, text, ms, location: location ? new URL(location, u).toString() : null };
  }
}

const token = (html) => /name="__RequestVerificationToken" type="hidden" value="([^"]*)"/.exec(html)?.[1];
const epost = (i) => `anstalld${String(i).padStart(5, '0')}@bench.example`;
const login = (i) => `anstalld${String(i).padStart(5, '0')}`;
const fel = (vad, r) => { throw new Error(`${vad}: ${r.status} ${r.location ?? ''}`); };

/** One sign-in; returns the milliseconds spent per part. */
async function losenordsInloggning(i) {
  const b = new Webblasare();
  const sida = await b.req(new URL('/konto/logga-in', portal));
  const post = await b.req(new URL('/konto/logga-in', portal), { method: 'POST', form: { 'Input.Epost': epost(i), 'Input.Losenord': losenord, __RequestVerificationToken: token(sida.text) } });
  if (post.status !== 302 || new URL(post.location).pathname.startsWith('/konto/')) fel('inloggningen', post);
  const hem = await b.req(new URL('/', portal));
  if (hem.status !== 200) fel('första sidan', hem);
  return { sida: sida.ms, inloggning: post.ms, hem: hem.ms, portal: sida.ms + post.ms, hela: sida.ms + post.ms + hem.ms };
}

async function oidcInloggning(i) {
  const b = new Webblasare();
  const sida = await b.req(new URL('/konto/logga-in', portal));
  const utmaning = await b.req(new URL('/konto/logga-in?handler=Extern', portal), { method: 'POST', form: { kommun, __RequestVerificationToken: token(sida.text) } });
  if (utmaning.status !== 302 || new URL(utmaning.location).host === portal.host) fel('utmaningen', utmaning);
  let leverantor = 0, url = utmaning.location, r;
  for (let steg = 0; ; steg++) {
    if (steg > 10) throw new Error('leverantören skickade aldrig tillbaka');
    r = await b.req(url);
    leverantor += r.ms;
    if (!r.location) { // the provider's sign-in form
      const action = /action="([^"]+)"/.exec(r.text)?.[1];
      if (!action) fel('leverantörens formulär', r);
      r = await b.req(new URL(action.replaceAll('&amp;', '&'), url), { method: 'POST', form: { prompt: 'login', login: login(i), password: 'vad-som-helst' } });
      leverantor += r.ms;
    }
    if (!r.location) fel('leverantören', r);
    url = r.location;
    if (new URL(url).host === portal.host) break;
  }
  if (!new URL(url).pathname.startsWith('/signin-oidc/')) fel('återkomsten', r);
  const aterkomst = await b.req(url);
  if (aterkomst.status !== 302 || new URL(aterkomst.location).pathname.startsWith('/konto/')) fel('återkomsten till portalen', aterkomst);
  const hem = medHem ? await b.req(new URL('/', portal)) : { status: 200, ms: 0 };
  if (hem.status !== 200) fel('första sidan', hem);
  return {
    sida: sida.ms, utmaning: utmaning.ms, leverantor, aterkomst: aterkomst.ms, hem: hem.ms,
    portal: sida.ms + utmaning.ms + aterkomst.ms, hela: sida.ms + utmaning.ms + leverantor + aterkomst.ms + hem.ms,
  };
}

/** Parts alone, so the portal's CPU per part can be told apart: the sign-in page, and the page with the challenge. */
async function baraSidan() {
  const sida = await new Webblasare().req(new URL('/konto/logga-in', portal));
  if (sida.status !== 200) fel('inloggningssidan', sida);
  return { sida: sida.ms, hela: sida.ms };
}
async function sidanOchUtmaningen() {
  const b = new Webblasare();
  const sida = await b.req(new URL('/konto/logga-in', portal));
  const utmaning = await b.req(new URL('/konto/logga-in?handler=Extern', portal), { method: 'POST', form: { kommun, __RequestVerificationToken: token(sida.text) } });
  if (utmaning.status !== 302 || new URL(utmaning.location).host === portal.host) fel('utmaningen', utmaning);
  return { sida: sida.ms, utmaning: utmaning.ms, hela: sida.ms + utmaning.ms };
}
const en = { oidc: oidcInloggning, losenord: losenordsInloggning, sida: baraSidan, utmaning: sidanOchUtmaningen }[satt];
if (leverantorsUrl) await fetch(new URL('/bench/tider', leverantorsUrl), { method: 'DELETE' });
const resultat = [];
const felen = [];
let nasta = forst;
const start = performance.now();
await Promise.all(Array.from({ length: samtidiga }, async () => {
  while (nasta < forst + antal) {
    const i = nasta++;
    try { resultat.push(await en(i)); } catch (e) { felen.push(`${i}: ${e.message}`); }
  }
}));
const sekunder = (performance.now() - start) / 1000;

const percentil = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const pp = (xs) => `${percentil(xs, 50).toFixed(0)} / ${percentil(xs, 99).toFixed(0)}`;
const del = (k) => resultat.map((x) => x[k]);
const namn = { oidc: 'OIDC', losenord: 'Lösenord', sida: 'Bara inloggningssidan', utmaning: 'Sidan och utmaningen' }[satt];
const rad = (etikett, xs) => console.log(`  ${etikett.padEnd(64)} ${pp(xs).padStart(13)}`);
console.log(`${namn}: ${resultat.length} av ${antal} ${satt === 'oidc' || satt === 'losenord' ? 'inloggade' : 'klara'} på ${sekunder.toFixed(1)} s = ${(resultat.length / sekunder).toFixed(1)} inloggningar/s (${samtidiga} samtidiga), ${felen.length} fel`);
for (const f of felen.slice(0, 3)) console.log(`  fel: ${f}`);
console.log(`  ${'per inloggning, ms'.padEnd(64)} ${'p50 / p99'.padStart(13)}`);
rad('hela inloggningen (alla anrop, i följd)', del('hela'));
if (satt === 'oidc') {
  rad('portalen: inloggningssidan', del('sida'));
  rad('portalen: utmaningen (POST knappen, med PAR hos leverantören)', del('utmaning'));
  rad('portalen: återkomsten /signin-oidc (med token-anropet)', del('aterkomst'));
  rad('portalen: summa sida + utmaning + återkomst', del('portal'));
  rad('leverantören: webbläsarens anrop (authorize, formulär, login, resume)', del('leverantor'));
  if (medHem) rad('portalen: första sidan inloggad', del('hem'));
} else if (satt === 'losenord') {
  rad('inloggningssidan', del('sida'));
  rad('POST inloggningen (lösenordet prövas)', del('inloggning'));
  rad('första sidan inloggad', del('hem'));
}
if (leverantorsUrl) {
  const tider = await (await fetch(new URL('/bench/tider', leverantorsUrl))).json();
  console.log(`  inuti leverantören, ms per anrop (p50 / p99, antal):`);
  for (const [k, xs] of Object.entries(tider)) console.log(`    ${k.padEnd(62)} ${pp(xs).padStart(13)}  ${xs.length}`);
  const ms = Object.values(tider).flat().reduce((a, b) => a + b, 0);
  if (satt === 'oidc') console.log(`  leverantörens tid totalt ${(ms / 1000).toFixed(1)} s, portalens anrop totalt ${(del('portal').reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s ` +
    `(varav leverantörens PAR och token ${(((tider.request ?? []).concat(tider.token ?? [])).reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s)`);
}
process.exit(felen.length ? 1 : 0);
