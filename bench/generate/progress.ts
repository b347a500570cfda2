// A progress line on stderr without a dependency: one line rewritten in place (\r) on a terminal, a plain line
// every few seconds otherwise (CI logs, `| tee`).

export interface Progress {
  update(done: number, extra?: string): void;
  finish(extra?: string): void;
}

function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

const number = (n: number) => Math.round(n).toLocaleString('en-US');

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr, clock = () => Date.now()): Progress {
  const tty = Boolean(stream.isTTY);
  const started = clock();
  let lastPrinted = 0;
  const line = (done: number, extra: string) => {
    const elapsed = clock() - started;
    const rate = elapsed > 0 ? (done / elapsed) * 1000 : 0;
    const eta = rate > 0 ? ((total - done) / rate) * 1000 : Number.NaN;
    const share = total > 0 ? done / total : 1;
    const bar = tty ? `[${'#'.repeat(Math.round(share * 24)).padEnd(24, '.')}] ` : '';
    return `${label} ${bar}${(share * 100).toFixed(1).padStart(5)} %  ${number(done)}/${number(total)}  ${number(rate)}/s  ETA ${duration(eta)}${extra ? `  ${extra}` : ''}`;
  };
  return {
    update(done, extra = '') {
      const now = clock();
      if (tty) {
        if (now - lastPrinted < 100 && done < total) return;
        stream.write(`\r${line(done, extra)}\x1b[K`);
      } else {
        if (now - lastPrinted < 5000 && done < total) return;
        stream.write(`${line(done, extra)}\n`);
      }
      lastPrinted = now;
    },
    finish(extra = '') {
      stream.write(`${tty ? '\r' : ''}${label} done: ${number(total)} in ${duration(clock() - started)}${extra ? `  ${extra}` : ''}${tty ? '\x1b[K' : ''}\n`);
    },
  };
}
