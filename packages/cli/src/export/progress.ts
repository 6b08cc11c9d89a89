// The export's progress bar (cli-progress) on stderr, only on a terminal.
import cliProgress from "cli-progress";

export interface Progress {
  update(written: number, total: number | null, page: number, pages: number | null): void;
  stop(): void;
}

export function createProgress(kind: string, enabled: boolean, startedWith: number): Progress {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${kind} [{bar}] {percentage}% | {value}/{total} | {rate}/s | page {page}/{pages} | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
      fps: 10,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update(written, total, page, pages) {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? ((written - startedWith) / seconds).toFixed(1) : "0.0";
      const payload = { rate, page, pages: pages ?? "?" };
      const t = total ?? Math.max(written, 1);
      if (!running) {
        bar.start(t, written, payload);
        running = true;
      } else {
        bar.setTotal(t);
        bar.update(written, payload);
      }
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
