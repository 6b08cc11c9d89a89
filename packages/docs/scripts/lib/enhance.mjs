// @ts-check
// What the reference page adds to Redoc's output (scripts/enhance.mjs puts it into dist/index.html):
// - a theme: Redoc's CSS variables overridden so that text, links, code tokens and the method
//   badges reach a 4.5:1 contrast on their backgrounds (WCAG AA), code that wraps instead of
//   being cut off, and tables that stack their cells on a narrow screen;
// - a small script giving every code block of the guides a keyboard-reachable Copy button (the
//   operation samples have Redoc's own).

export const THEME_ID = "comm100-docs-theme";
export const SCRIPT_ID = "comm100-docs-enhance";

// Light theme only (`:root:not(.dark)` outranks Redoc's `:root`); the dark theme keeps Redoc's.
export const THEME_CSS = `
:root:not(.dark) {
  --link-color-primary-legacy: #1863cb;
  --link-color-primary-hover-legacy: #2558b8;
  --button-content-color-link-legacy: #1863cb;
  --input-content-placeholder-color: #66666e;
  --text-color-disabled: #66666e;
  --code-block-tokens-string-color-legacy: #2a64c0;
  --code-block-tokens-property-string-color: #2a64c0;
  --code-block-tokens-link-color: #2a64c0;
  --code-block-tokens-operator-color: #945516;
  --code-block-tokens-regex-color: #945516;
  --code-block-tokens-class-name-color: #945516;
  --code-block-tokens-function-color: #945516;
  --code-block-tokens-boolean-color: #0e743d;
  --code-block-tokens-keyword-color: #c8006e;
  --code-block-tokens-deleted-color: #c81e2e;
}
:root:not(.dark) .tag-get, :root:not(.dark) .tag-query { --tag-color: #177543; }
:root:not(.dark) .tag-post { --tag-color: #1a5adc; }
:root:not(.dark) .tag-put { --tag-color: #925611; }
:root:not(.dark) .tag-patch { --tag-color: #7a610e; }
:root:not(.dark) .tag-delete { --tag-color: #c6093c; }
:root:not(.dark) .tag-head { --tag-color: #5b4ccc; }

/* Code wraps at the panel's edge instead of running past it. */
:root { --code-wrap: pre-wrap; }
pre { white-space: pre-wrap !important; overflow-wrap: anywhere; }

/* The guides' code blocks: room for the Copy button in the top right corner. */
pre[data-comm100-copy] { position: relative; padding-right: 4.5rem; }
.comm100-copy {
  position: absolute; top: 6px; right: 6px;
  font: 500 12px/1.4 var(--font-family-base, sans-serif);
  color: var(--text-color-primary, #1a1c21);
  background: var(--bg-color, #fff);
  border: 1px solid var(--border-color-primary, #c4c6d1);
  border-radius: 4px; padding: 2px 8px; cursor: pointer; user-select: none; white-space: nowrap;
}
.comm100-copy:focus-visible { outline: 2px solid #1863cb; outline-offset: 2px; }

.comm100-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

/* Narrow screens: each table row becomes a block, each cell a line, so a URL keeps its width. */
@media (max-width: 640px) {
  table.md, table.md thead, table.md tbody, table.md tr, table.md th, table.md td { display: block; width: auto; }
  table.md tr { padding: 6px 0; border-bottom: 1px solid var(--border-color-secondary, #ededf2); }
  table.md th, table.md td { padding: 2px 8px !important; border: 0 !important; }
  table.md td code { white-space: nowrap; word-break: normal; overflow-wrap: normal; font-size: 11.5px; padding: 1px 3px; }
}
`;

/**
 * Runs in the page. Gives each code block of the guides (a bare `pre`, not one of Redoc's code
 * panels, which have a Copy button) a Copy button inside it, once React has hydrated that block:
 * touching it earlier would make the hydration fail. Redoc re-renders on navigation, so a
 * MutationObserver keeps new blocks covered.
 */
export function pageScript() {
  const MARK = "data-comm100-copy";
  const SETTLED = "data-comm100-settled";
  /** @param {Element} el */
  const hydrated = (el) => Object.keys(el).some((k) => k.startsWith("__reactFiber$"));
  /** @param {HTMLPreElement} pre */
  const codeOf = (pre) =>
    [...pre.childNodes]
      .filter((n) => !(n instanceof HTMLElement && n.classList.contains("comm100-copy")))
      .map((n) => n.textContent ?? "")
      .join("");
  /** @param {string} text */
  const copy = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // file:// pages may lack the async clipboard: fall back to a selection and execCommand.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
  };
  let pending = false;
  const scan = () => {
    pending = false;
    let waiting = false;
    for (const pre of document.querySelectorAll("pre")) {
      if (pre.closest('[data-component-name^="CodeBlock/"]')) continue; // Redoc's panels copy already
      if (pre.querySelector(":scope > .comm100-copy")) continue;
      if (!hydrated(pre)) {
        waiting = true;
        continue;
      }
      const button = document.createElement("button");
      button.type = "button";
      button.className = "comm100-copy";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy code");
      button.addEventListener("click", async () => {
        await copy(codeOf(/** @type {HTMLPreElement} */ (pre)));
        button.textContent = "Copied";
        setTimeout(() => (button.textContent = "Copy"), 1500);
      });
      pre.setAttribute(MARK, "");
      pre.append(button);
    }
    const headingsWait = fixHeadings();
    const labelsWait = fixExampleLabels();
    if (headingsWait || labelsWait) waiting = true;
    if (waiting) schedule(200);
    // Settled: nothing left that waits for React. Tests wait for this mark instead of sleeping.
    else document.documentElement.setAttribute(SETTLED, "");
  };
  // A deep link renders an operation's group without the page's h1: a hidden h1 (outside React's
  // tree) names the page then. Headings that skip a level (Redoc's h2 operation, h4 "Request")
  // get the level they stand for as aria-level, once hydrated.
  const title = document.createElement("h1");
  title.id = "comm100-page-title";
  title.className = "comm100-visually-hidden";
  title.textContent = `${document.title} reference`;
  document.body.prepend(title);
  /** @returns {boolean} whether a heading still waits for hydration */
  const fixHeadings = () => {
    let waiting = false;
    const root = document.getElementById("redoc");
    title.hidden = !!root?.querySelector("h1");
    let previous = 1;
    for (const h of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
      if (h instanceof HTMLElement && (h.hidden || h.offsetParent === null) && h !== title) continue;
      const own = Number(h.tagName.slice(1));
      const level = Math.min(own, previous + 1);
      if (h !== title && !hydrated(h)) waiting = true;
      if (level !== own) {
        if (!hydrated(h)) continue;
        h.setAttribute("aria-level", String(level));
      } else if (h.hasAttribute("aria-level") && hydrated(h)) h.removeAttribute("aria-level");
      previous = level;
    }
    return waiting;
  };
  // Redoc's example picker is labelled "Example" while it shows the example's name: the
  // accessible name must contain the visible text.
  /** @returns {boolean} whether a picker still waits for hydration */
  const fixExampleLabels = () => {
    let waiting = false;
    for (const b of document.querySelectorAll('button[aria-haspopup="menu"][aria-label="Example"], button[data-comm100-label]')) {
      if (!hydrated(b)) {
        waiting = true;
        continue;
      }
      const label = `Example: ${(b.textContent ?? "").trim()}`;
      b.setAttribute("data-comm100-label", "");
      if (b.getAttribute("aria-label") !== label) b.setAttribute("aria-label", label);
    }
    return waiting;
  };
  /** @param {number} ms */
  const schedule = (ms) => {
    document.documentElement.removeAttribute(SETTLED);
    if (pending) return;
    pending = true;
    setTimeout(scan, ms);
  };
  new MutationObserver(() => schedule(50)).observe(document.body, { childList: true, subtree: true, characterData: true });
  schedule(0);
}

/**
 * The page with the theme before `</head>` and the script before `</body>`.
 * @param {string} html @returns {string}
 */
export function enhanceHtml(html) {
  if (html.includes(`id="${THEME_ID}"`)) throw new Error("the page is enhanced already");
  const head = html.indexOf("</head>");
  const body = html.lastIndexOf("</body>");
  if (head < 0 || body < 0) throw new Error("no </head> or </body> in the page");
  const style = `<style id="${THEME_ID}">${THEME_CSS}</style>\n`;
  const script = `<script id="${SCRIPT_ID}">(${pageScript.toString()})();</script>\n`;
  return html.slice(0, head) + style + html.slice(head, body) + script + html.slice(body);
}
