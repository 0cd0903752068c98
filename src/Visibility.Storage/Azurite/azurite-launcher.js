// Runs Azurite's blob service inside this node process on behalf of the Visibility host (AzuriteServer.cs starts it as
// `node -e <this file> <azurite main.js> <azurite arguments…>`). Three things Azurite does not do by itself:
//
// 1. Durable answers. Azurite keeps its blob and extent indexes in LokiJS and saves them on a 5 s timer, so a write it
//    has answered is lost if it dies before the next save. The host writes "flush N" on our stdin before it acknowledges
//    anything; we save every index and answer "@@flushed N ok" on stdout. Saves are whole-file writes and a rename, so a
//    crash leaves the previous save or this one, never half of it.
// 2. Consistent saves. The extent index is saved before the blob index (a saved blob index never names an extent the
//    saved extent index lacks); Azurite's own timers, which save the two on their own schedules, are replaced by ours in
//    that order; and the extent GC saves before it deletes files (a saved index never names a deleted extent file).
// 3. Lifetime. The host stops us by closing our stdin, after its final checkpoint; a dead host closes it too. SIGINT and
//    SIGTERM (Ctrl+C or a container stop that reaches the whole process group) only start a grace period, so the host
//    can finish writing first; a second signal stops at once.
'use strict';
const path = require('path');

const [azuriteMain, ...azuriteArgs] = process.argv.slice(1);
process.argv = [process.argv[0], azuriteMain, ...azuriteArgs];

const SAVE_INTERVAL_MS = 5000;
const SIGNAL_GRACE_MS = Number(process.env.VISIBILITY_AZURITE_SIGNAL_GRACE_MS || 30000);

const say = (line) => process.stdout.write(line + '\n');
const note = (line) => say('@@launcher ' + line);

// --- 2. Every LokiJS database Azurite opens, saved in a fixed order by us alone ------------------------------------
const azuriteDist = path.resolve(path.dirname(azuriteMain), '..');
const Loki = require(require.resolve('lokijs', { paths: [path.dirname(azuriteMain)] }));
const databases = new Set();
// Azurite creates its stores with `new Loki(path, { persistenceMethod: 'fs', autosave: true, autosaveInterval: 5000 })`;
// the constructor passes those options here, so we see every file-backed database and switch its own timer off.
const originalConfigure = Loki.prototype.configureOptions;
Loki.prototype.configureOptions = function (options, initialConfig) {
  if (options && options.persistenceMethod === 'fs') {
    databases.add(this);
    options = Object.assign({}, options, { autosave: false });
  }
  return originalConfigure.call(this, options, initialConfig);
};

const saveRank = (db) => (/extent/i.test(String(db.filename)) ? 0 : 1);

function saveOne(db) {
  return new Promise((resolve, reject) => {
    if (db.autosaveDirty()) {
      db.saveDatabase((err) => (err ? reject(err) : resolve()));
    } else if (db.throttledSavePending) {
      // Clean now, but a save that began before this call may still be writing: wait for it to land.
      db.throttledSaveDrain(() => resolve());
    } else {
      resolve();
    }
  });
}

async function saveAll() {
  const ordered = [...databases].sort((a, b) => saveRank(a) - saveRank(b));
  for (const db of ordered) await saveOne(db);
}

// One save sequence at a time; a flush asked for during one runs after it, so it covers every write answered before it.
let saving = Promise.resolve();
function flush() {
  const next = saving.then(saveAll);
  saving = next.catch(() => {});
  return next;
}

setInterval(() => flush().catch((err) => note('periodic save failed: ' + err)), SAVE_INTERVAL_MS).unref();

const FSExtentStore = require(path.join(azuriteDist, 'common/persistence/FSExtentStore.js')).default;
const originalDeleteExtents = FSExtentStore.prototype.deleteExtents;
FSExtentStore.prototype.deleteExtents = async function (extents) {
  await flush();
  return originalDeleteExtents.call(this, extents);
};

// --- 3. Lifetime ----------------------------------------------------------------------------------------------------
const addListener = process.on.bind(process);
const azuriteStopHandlers = [];
for (const method of ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']) {
  const original = process[method].bind(process);
  process[method] = function (event, listener) {
    if (event === 'SIGINT' || event === 'SIGTERM') {
      azuriteStopHandlers.push(listener);
      return process;
    }
    return original(event, listener);
  };
}

let stopping = false;
function stop(reason) {
  if (stopping) return;
  stopping = true;
  note('stopping: ' + reason);
  process.stdin.destroy();
  flush()
    .catch((err) => note('final save failed: ' + err))
    .finally(() => {
      // Azurite registers the same shutdown for SIGINT and SIGTERM; it may run once only.
      if (azuriteStopHandlers.length > 0) azuriteStopHandlers[0]();
      // Azurite closes its server and stores (saving again); node then exits once nothing is left to run.
      setTimeout(() => process.exit(0), 15000).unref();
    });
}

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM']) {
  addListener(signal, () => {
    if (++signals > 1) return stop('second signal ' + signal);
    note(`${signal}: waiting up to ${SIGNAL_GRACE_MS} ms for the host to stop us`);
    setTimeout(() => stop(signal + ' grace period over'), SIGNAL_GRACE_MS).unref();
  });
}

// --- 1. Commands on stdin -------------------------------------------------------------------------------------------
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
    const line = pending.slice(0, end).trim();
    pending = pending.slice(end + 1);
    const flushCommand = /^flush (\d+)$/.exec(line);
    if (flushCommand) {
      const id = flushCommand[1];
      flush().then(
        () => say(`@@flushed ${id} ok ${databases.size}`),
        (err) => say(`@@flushed ${id} error ${String((err && err.message) || err).replace(/\s+/g, ' ')}`));
    }
  }
});
process.stdin.on('end', () => stop('stdin closed'));
process.stdin.on('error', () => stop('stdin error'));
process.stdin.resume();

require(azuriteMain);
