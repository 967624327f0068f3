/**
 * A private rsyslogd for syslog sink tests: the real receiver SOCs run, not a mock. One instance
 * listens on loopback with three imtcp inputs — plain TCP, TLS (gtls, anonymous clients) and
 * mutual TLS (x509/certvalid, trusting `clientCertPem`) — and writes every message it receives
 * verbatim (`%rawmsg%`: PRI, header, structured data and body exactly as framed) to one file per
 * input, plus rsyslog's own parse of each message (header fields, structured data through
 * mmpstrucdata, MSG) so tests see what a SIEM behind rsyslog would see. It runs in the foreground with its own config, pid file and work directory under a temp
 * directory, never touching the system's syslog. `stop()`/`restart()` keep the ports, for
 * outage tests.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSelfSignedCertificate } from '../../sandbox/tls-cert.ts';

export type RsyslogInput = 'tcp' | 'tls' | 'mtls';
const inputs: RsyslogInput[] = ['tcp', 'tls', 'mtls'];

/** One received message: `raw` exactly as framed, the rest as rsyslog's RFC 5424 parser read it. */
export interface ReceivedMessage {
  raw: string;
  pri: string;
  timestamp: string;
  hostname: string;
  appName: string;
  procId: string;
  msgId: string;
  structuredData: string;
  /** Structured data unescaped by mmpstrucdata: SD-ID → param → value. */
  sd: Record<string, Record<string, string>>;
  msg: string;
}

export interface TestRsyslog {
  ports: Record<RsyslogInput, number>;
  /** The server certificate (self-signed, names 127.0.0.1 and localhost): the CA a client trusts. */
  caPem: string;
  /** The same certificate as a file, for a client's caFile setting. */
  caFile: string;
  /** A client certificate and key the mutual-TLS input accepts. */
  clientCertPem: string;
  clientKeyPem: string;
  /** Every message received so far on `input`, in arrival order. */
  readMessages(input: RsyslogInput): Promise<ReceivedMessage[]>;
  /** Waits until at least `count` messages arrived on `input` (rsyslog writes its files asynchronously). */
  waitForMessages(input: RsyslogInput, count: number): Promise<ReceivedMessage[]>;
  /** Kills rsyslogd and waits for it to exit; the ports then refuse connections. */
  stop(): Promise<void>;
  /** Starts it again on the same ports. */
  restart(): Promise<void>;
  /** Stops it and removes its directory. Idempotent. */
  close(): Promise<void>;
}

const rsyslogd = '/usr/sbin/rsyslogd';
const waitLimitMs = 20_000;

function configText(dir: string, ports: Record<RsyslogInput, number> | undefined): string {
  const port = (input: RsyslogInput) =>
    ports ? `port="${ports[input]}"` : `port="0" listenPortFileName="${join(dir, `${input}.port`)}"`; // rsyslog picks a free port and says which
  const tls = 'streamDriver.name="gtls" streamDriver.mode="1"';
  return `
global(
  workDirectory="${join(dir, 'work')}"
  maxMessageSize="256k"
  defaultNetstreamDriverCAFile="${join(dir, 'ca.pem')}"
  defaultNetstreamDriverCertFile="${join(dir, 'server-cert.pem')}"
  defaultNetstreamDriverKeyFile="${join(dir, 'server-key.pem')}"
)
module(load="imtcp" maxSessions="100")
module(load="mmpstrucdata")
template(name="raw" type="string" string="%rawmsg%\\n")
template(name="parsed" type="list" option.jsonf="on") {
  property(outname="pri" name="pri" format="jsonf")
  property(outname="timestamp" name="timereported" dateFormat="rfc3339" format="jsonf")
  property(outname="hostname" name="hostname" format="jsonf")
  property(outname="appName" name="app-name" format="jsonf")
  property(outname="procId" name="procid" format="jsonf")
  property(outname="msgId" name="msgid" format="jsonf")
  property(outname="structuredData" name="structured-data" format="jsonf")
  property(outname="sd" name="$!rfc5424-sd" format="jsonf")
  property(outname="msg" name="msg" format="jsonf")
}
${inputs
  .map(
    (input) => `ruleset(name="${input}") {
  action(type="omfile" file="${join(dir, `${input}.log`)}" template="raw")
  action(type="mmpstrucdata" sd_name.lowercase="off")
  action(type="omfile" file="${join(dir, `${input}.parsed.ndjson`)}" template="parsed")
}`,
  )
  .join('\n')}
input(type="imtcp" address="127.0.0.1" ${port('tcp')} ruleset="tcp")
input(type="imtcp" address="127.0.0.1" ${port('tls')} ruleset="tls" ${tls} streamDriver.authMode="anon")
input(type="imtcp" address="127.0.0.1" ${port('mtls')} ruleset="mtls" ${tls} streamDriver.authMode="x509/certvalid")
`;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function readPort(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const port = Number.parseInt(text, 10);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startRsyslog(): Promise<TestRsyslog> {
  if (spawnSync(rsyslogd, ['-v']).status !== 0) {
    throw new Error(
      `syslog tests need rsyslogd (${rsyslogd}) with the gtls driver: .ci/run installs them (apt-get install rsyslog rsyslog-gnutls)`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'periscope-rsyslog-'));
  await mkdir(join(dir, 'work'));
  const server = createSelfSignedCertificate('periscope-test-rsyslog');
  const client = createSelfSignedCertificate('periscope-test-syslog-client');
  await writeFile(join(dir, 'server-cert.pem'), server.certPem);
  await writeFile(join(dir, 'server-key.pem'), server.keyPem, { mode: 0o600 });
  // x509/certvalid accepts client certificates signed by a CA in this file; ours are self-signed.
  await writeFile(join(dir, 'ca.pem'), server.certPem + client.certPem);

  let child: ChildProcess | undefined;
  let ports: Record<RsyslogInput, number> | undefined;
  let closed = false;

  async function launch(): Promise<void> {
    await writeFile(join(dir, 'rsyslog.conf'), configText(dir, ports));
    let output = '';
    const started = spawn(rsyslogd, ['-n', '-f', join(dir, 'rsyslog.conf'), '-i', join(dir, 'rsyslog.pid')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    started.stdout?.on('data', (chunk) => (output += chunk));
    started.stderr?.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + waitLimitMs;
    for (;;) {
      if (started.exitCode !== null || started.signalCode !== null) {
        throw new Error(
          `rsyslogd exited during startup (${started.exitCode ?? started.signalCode}): ${output.trim() || 'no output'} (TLS needs rsyslog-gnutls; .ci/run installs it)`,
        );
      }
      const found = ports ?? (await discoverPorts());
      if (found && (await Promise.all(inputs.map((input) => accepts(found[input])))).every(Boolean)) {
        ports = found;
        return;
      }
      if (Date.now() > deadline) {
        started.kill('SIGKILL');
        throw new Error(`rsyslogd did not accept connections within ${waitLimitMs} ms: ${output.trim()}`);
      }
      await pause(50);
    }
  }

  async function discoverPorts(): Promise<Record<RsyslogInput, number> | undefined> {
    const found = await Promise.all(inputs.map((input) => readPort(join(dir, `${input}.port`))));
    if (found.some((port) => port === undefined)) return undefined;
    return { tcp: found[0]!, tls: found[1]!, mtls: found[2]! };
  }

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGTERM');
    const killer = setTimeout(() => running.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }

  async function readLines(file: string): Promise<string[]> {
    const text = await readFile(join(dir, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    return text === '' ? [] : text.replace(/\n$/, '').split('\n');
  }

  async function readMessages(input: RsyslogInput): Promise<ReceivedMessage[]> {
    const raw = await readLines(`${input}.log`);
    const parsed = await readLines(`${input}.parsed.ndjson`);
    // Both files get the same messages in the same order; the second may lag the first briefly.
    return parsed.slice(0, raw.length).map((line, i) => {
      const { sd, ...fields } = JSON.parse(line) as Omit<ReceivedMessage, 'raw' | 'sd'> & { sd: string };
      return { raw: raw[i]!, ...fields, sd: sd === '' ? {} : JSON.parse(sd) };
    });
  }

  await launch();
  const listening = ports!;

  return {
    ports: listening,
    caPem: server.certPem,
    caFile: join(dir, 'server-cert.pem'),
    clientCertPem: client.certPem,
    clientKeyPem: client.keyPem,
    readMessages,
    async waitForMessages(input, count) {
      const deadline = Date.now() + waitLimitMs;
      for (;;) {
        const messages = await readMessages(input);
        if (messages.length >= count) return messages;
        if (Date.now() > deadline) {
          throw new Error(`rsyslog received ${messages.length} of ${count} expected messages on ${input}`);
        }
        await pause(50);
      }
    },
    stop,
    async restart() {
      await stop();
      await launch();
    },
    async close() {
      if (closed) return;
      closed = true;
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
