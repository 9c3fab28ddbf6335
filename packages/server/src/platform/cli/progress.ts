/**
 * A progress bar for long command-line work, drawn on stderr only when it is a terminal (CI logs and pipes get
 * one line at the end instead of hundreds of redraws).
 */
export type Progress = { tick(n?: number): void; done(message?: string): void };

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  let current = 0;
  let lastDraw = 0;
  const started = Date.now();
  const draw = (force = false) => {
    const now = Date.now();
    if (!stream.isTTY || (!force && now - lastDraw < 100)) {
      return;
    }
    lastDraw = now;
    const width = 30;
    const ratio = total > 0 ? Math.min(1, current / total) : 1;
    const filled = Math.round(ratio * width);
    const rate = current / Math.max(0.001, (now - started) / 1000);
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${current}/${total} ${Math.round(ratio * 100)}% ${Math.round(rate)}/s `,
    );
  };
  return {
    tick(n = 1) {
      current += n;
      draw();
    },
    done(message) {
      draw(true);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`${stream.isTTY ? '\n' : ''}${message ?? `${label}: ${current}/${total}`} (${seconds} s)\n`);
    },
  };
}
