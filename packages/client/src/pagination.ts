// The iterators of paginated lists: `xxxPages()` yields each page with its envelope, `xxxAll()`
// the items of those pages. Both are lazy and stop within a bound, whatever the server answers.
import { Comm100InvalidResponseError } from "./errors.js";
import { redactHeaders, type Redact } from "./internal/redact.js";

/** One page of a paginated list. */
export interface Comm100Page<T> {
  /** The items of this page (the envelope's array: `chats`, `offline_messages`, ...). */
  items: T[];
  /** This page's number (from 1). */
  page: number;
  /** The number of pages, as the first answer gave it. */
  pages: number;
  /** The number of items of every page, as this answer gives it. */
  total: number | undefined;
  /** The Response of this page (its body already read). */
  response: Response;
}

/** The most pages an iterator follows: a `pages` above it is not believed. */
const MAX_PAGES = 1e6;

type Run = (...args: any[]) => Promise<{ data?: any; response: Response }>;

/**
 * Follows `page` up to the first answer's `pages` (a later answer cannot extend the walk), or an
 * empty page. `at` is the index of the params among `args` (after the path parameters).
 */
export async function* pagesOf<T>(
  run: Run,
  args: any[],
  at: number,
  key: string,
  label: string,
  redact: Redact,
): AsyncGenerator<Comm100Page<T>> {
  const params = { ...args[at] };
  let page = Number(params.page ?? 1);
  let last = MAX_PAGES;
  for (;;) {
    const { data, response } = await run(...args.slice(0, at), { ...params, page }, args[at + 1]);
    const items = data?.[key];
    const pages = data?.pages ?? 0;
    if (!Array.isArray(items) || !Number.isInteger(pages) || pages < 0 || pages > MAX_PAGES)
      throw new Comm100InvalidResponseError({
        status: response.status,
        message: `${label}: page ${page} is not a page envelope (\`${key}\` an array, \`pages\` a whole number up to ${MAX_PAGES})`,
        method: "GET",
        url: response.url,
        body: undefined,
        headers: redactHeaders(response.headers, redact),
      });
    last = Math.min(last, pages);
    const total = typeof data.total === "number" ? data.total : undefined;
    yield { items, page, pages: last, total, response };
    if (!items.length || page >= last) return;
    page++;
  }
}

/** The items of every page, in order. */
export async function* itemsOf<T>(pages: AsyncIterable<Comm100Page<T>>): AsyncGenerator<T> {
  for await (const p of pages) yield* p.items;
}
