// The Node version check every published command runs before it loads anything else. Hand-written plain
// JavaScript (not built, no dependencies, no syntax newer than ES2017), so that it runs on a Node too old for
// the command itself and says so in one line instead of crashing on a syntax or API it lacks.
import { readFileSync } from 'fs';

/**
 * True when `have` (e.g. "20.18.1") is older than the `>=x.y.z` range `engines` (e.g. ">=20.19.0").
 * @param {string} engines
 * @param {string} have
 * @returns {boolean}
 */
export function olderThan(engines, have) {
  var wanted = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(engines);
  if (!wanted) return false;
  var parts = have.split('.').map(Number);
  for (var i = 0; i < 3; i++) {
    var part = parts[i] || 0;
    if (part !== Number(wanted[i + 1])) return part < Number(wanted[i + 1]);
  }
  return false;
}

/**
 * Reads the command's package.json (`manifestUrl`), and either runs `start` (which imports the command) or,
 * on a Node older than its `engines.node`, prints one line and sets exit code 1.
 * @param {URL} manifestUrl
 * @param {() => unknown} start
 */
export function startIfNodeSupported(manifestUrl, start) {
  var manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
  if (olderThan(manifest.engines.node, process.versions.node)) {
    console.error('✖ ' + manifest.name + ' needs Node ' + manifest.engines.node + '; this is Node ' + process.versions.node + '.');
    process.exitCode = 1;
    return;
  }
  start();
}
