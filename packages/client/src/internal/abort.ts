// Many calls may share one AbortSignal (one per batch or per request handler). Each attempt follows
// it through a shared listener, so a thousand concurrent calls add one listener, not a thousand
// (which would trip Node's MaxListenersExceededWarning).
const followers = new WeakMap<AbortSignal, Set<AbortController>>();

/** Aborts `ctl` with `signal`'s reason when `signal` aborts; returns the function that stops following. */
export function follow(signal: AbortSignal, ctl: AbortController): () => void {
  let set = followers.get(signal);
  if (!set) {
    const all = (set = new Set());
    followers.set(signal, all);
    signal.addEventListener(
      "abort",
      () => {
        for (const c of all) c.abort(signal.reason);
      },
      { once: true },
    );
  }
  set.add(ctl);
  return () => set.delete(ctl);
}
