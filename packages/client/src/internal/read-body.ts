// Reads a response body whole, but never more than `max` bytes: the count is of decoded bytes, so a
// small gzip bomb or an endless body stops at the cap instead of filling memory until the timeout.

/** The body's bytes; calls `tooLarge` (which throws) and cancels the stream once more than `max` arrive. */
export async function readBody(res: Response, max: number, tooLarge: () => never): Promise<Uint8Array> {
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    size += chunk.value.byteLength;
    if (size > max) {
      reader!.cancel().catch(() => {});
      tooLarge();
    }
    chunks.push(chunk.value);
  }
  if (chunks.length === 1) return chunks[0]!; // the common case: no copy
  const out = new Uint8Array(size);
  size = 0;
  for (const c of chunks) {
    out.set(c, size);
    size += c.byteLength;
  }
  return out;
}
