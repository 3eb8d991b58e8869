#!/usr/bin/env node
// SMTP sink for tests: accepts every message on 127.0.0.1 and stores it raw as
// <dir>/<timestamp>-<counter>.eml. Tests start/stop it themselves to simulate the
// mail server going down, so it must start fast and free the port on exit.
//
//   node infra/smtp-sink/sink.js --port 2525 --dir /tmp/mail
//
// Fault modes, for tests of how the portal copes: while <dir>/fault exists, its one line
// "<mode> [count]" applies to the next <count> messages (default: every one), and the file
// is rewritten with what is left (removed at 0). Modes:
//   451-rcpt, 451-data   refuse for now (4xx) at RCPT TO, or after the message's data
//   550-rcpt, 550-data   refuse for good (5xx), quoting the recipient as real servers do
//   drop-data            close the connection in the middle of DATA (what arrived is kept
//                        as <name>.partial, so a test can see which Message-ID was being sent)
//   drop-after-data      store the message, then close before the reply: the client cannot
//                        know it arrived (the at-least-once edge)
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

const faultFile = path.join(dir, 'fault');

// The fault for this step, if the control file names one; consumes one count when it applies.
function fault(step) {
  let line;
  try { line = fs.readFileSync(faultFile, 'utf8').trim(); } catch { return null; }
  const [mode, countText] = line.split(/\s+/);
  if (!mode || !mode.endsWith(`-${step}`)) return null;
  if (countText !== undefined) {
    const left = Number(countText) - 1;
    if (left <= 0) fs.rmSync(faultFile, { force: true });
    else fs.writeFileSync(faultFile, `${mode} ${left}\n`);
  }
  console.log(`sink: fault ${mode}`);
  return mode;
}

function refusal(code, text) {
  const err = new Error(text);
  err.responseCode = code;
  return err;
}

function nextName() {
  counter += 1;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${stamp}-${String(counter).padStart(6, '0')}.eml`;
}

// Closes the client's connection without a reply, as a crashed server or a broken network would.
function dropConnection(session) {
  for (const connection of server.connections) {
    if (connection.id === session.id) connection._socket.destroy();
  }
}

const server = new SMTPServer({
  authOptional: true,             // clients need not authenticate...
  allowInsecureAuth: true,        // ...but if they do (over plain TCP), any login is accepted
  onAuth(auth, session, callback) { callback(null, { user: auth.username || 'anonymous' }); },
  disabledCommands: ['STARTTLS'], // plain SMTP only: no TLS negotiation
  hideSTARTTLS: true,
  logger: false,
  disableReverseLookup: true,     // no DNS lookup per connection: faster, and no network here
  size: 50 * 1024 * 1024,
  onRcptTo(address, session, callback) {
    const mode = fault('rcpt');
    if (mode === '451-rcpt') return callback(refusal(451, '4.3.0 Try again later'));
    if (mode === '550-rcpt') return callback(refusal(550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown`));
    callback();
  },
  onData(stream, session, callback) {
    const mode = fault('data');
    const chunks = [];
    let dropped = false;
    stream.on('data', (c) => {
      chunks.push(c);
      if (mode === 'drop-data' && !dropped) {
        dropped = true;
        fs.writeFileSync(path.join(dir, nextName().replace(/\.eml$/, '.partial')), Buffer.concat(chunks));
        dropConnection(session);
      }
    });
    stream.on('error', (err) => { if (!dropped) callback(err); });
    stream.on('end', () => {
      if (dropped) return;
      if (mode === '451-data') return callback(refusal(451, '4.3.0 Try again later'));
      if (mode === '550-data') return callback(refusal(550, '5.7.1 Message rejected'));
      try {
        const raw = Buffer.concat(chunks);
        const name = nextName();
        const final = path.join(dir, name);
        // Write to .tmp then rename, so readers never see a half-written .eml.
        const tmp = `${final}.tmp`;
        fs.writeFileSync(tmp, raw);
        fs.renameSync(tmp, final);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        console.log(`sink: stored ${name} from=<${from}> to=<${to}> bytes=${raw.length}`);
        if (mode === 'drop-after-data') return dropConnection(session);
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
