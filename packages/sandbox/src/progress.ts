// Progress output: a redrawn bar on a terminal, one line per 10 % otherwise (logs, CI, pipes).

export interface Progress {
  update(done: number): void;
  finish(message?: string): void;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** A progress reporter for `total` units of `label`, written to `stream`. */
export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stdout): Progress {
  const started = performance.now();
  const tty = Boolean(stream.isTTY);
  let lastDecile = -1;
  let lastDraw = 0;
  const line = (done: number) => {
    const ratio = total ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    const secs = (performance.now() - started) / 1000;
    const rate = secs > 0 ? Math.round(done / secs) : 0;
    return `  ${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${fmt(done)}/${fmt(total)}  ${secs.toFixed(1)} s  ${fmt(rate)}/s`;
  };
  return {
    update(done) {
      if (tty) {
        const now = performance.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        stream.write(`\r${line(done)}`);
      } else {
        const decile = Math.floor((total ? done / total : 1) * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          stream.write(`${line(done)}\n`);
        }
      }
    },
    finish(message) {
      if (tty) stream.write(`\r${line(total)}\n`);
      if (message) stream.write(`${message}\n`);
    },
  };
}
