#!/usr/bin/env node
// SMTP sink for tests: accepts every message on 127.0.0.1 and stores it raw as
// <dir>/<timestamp>-<counter>.eml. Tests start/stop it themselves to simulate the
// mail server going down, so it must start fast and free the port on exit.
//
//   node infra/smtp-sink/sink.js --port 2525 --dir /tmp/mail
'use strict';

const fs = require('fs');
const path = require('path');

// Resolve smtp-server from infra/tools/node_modules relative to this file, so the
// script works from any working directory.
const { SMTPServer } = require(path.join(__dirname, '..', 'tools', 'node_modules', 'smtp-server'));

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(arg('port', '2525'));
const host = arg('host', '127.0.0.1');
const dir = path.resolve(arg('dir', path.join(process.cwd(), 'mail')));
if (!Number.isInteger(port) || port <= 0) {
  console.error(`sink: bad --port ${arg('port')}`);
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });

let counter = 0;

const server = new SMTPServer({
  authOptional: true,             // clients need not authenticate...
  allowInsecureAuth: true,        // ...but if they do (over plain TCP), any login is accepted
  onAuth(auth, session, callback) { callback(null, { user: auth.username || 'anonymous' }); },
  disabledCommands: ['STARTTLS'], // plain SMTP only: no TLS negotiation
  hideSTARTTLS: true,
  logger: false,
  disableReverseLookup: true,     // no DNS lookup per connection: faster, and no network here
  size: 50 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('error', callback);
    stream.on('end', () => {
      try {
        const raw = Buffer.concat(chunks);
        counter += 1;
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const name = `${stamp}-${String(counter).padStart(6, '0')}.eml`;
        const final = path.join(dir, name);
        // Write to .tmp then rename, so readers never see a half-written .eml.
        const tmp = `${final}.tmp`;
        fs.writeFileSync(tmp, raw);
        fs.renameSync(tmp, final);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        console.log(`sink: stored ${name} from=<${from}> to=<${to}> bytes=${raw.length}`);
        callback(null, 'Queued');
      } catch (err) {
        console.error(`sink: failed to store message: ${err.message}`);
        callback(err);
      }
    });
  },
});

server.on('error', (err) => {
  console.error(`sink: ${err.message}`);
  process.exit(1); // e.g. EADDRINUSE: fail fast so the caller notices
});

server.listen(port, host, () => {
  console.log(`sink: listening on ${host}:${port}, writing to ${dir}`);
});

// Clean exit on SIGTERM/SIGINT; force exit shortly after in case a client connection
// lingers, so the port is always released quickly.
let stopping = false;
function stop(sig) {
  if (stopping) return;
  stopping = true;
  console.log(`sink: ${sig}, shutting down`);
  setTimeout(() => process.exit(0), 1000).unref();
  server.close(() => process.exit(0));
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
