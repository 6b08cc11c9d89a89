// Colours only on a terminal, never with NO_COLOR set (https://no-color.org) or TERM=dumb.
export function useColor(stream: { isTTY?: boolean }): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  if (process.env.TERM === "dumb") return false;
  return !!stream.isTTY;
}

const wrap = (open: number, close: number) => (on: boolean, s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
export const red = wrap(31, 39);
export const bold = wrap(1, 22);
export const dim = wrap(2, 22);
export const yellow = wrap(33, 39);
