// The Changelog guide: generated from the changesets and CHANGELOG.md files at build time, read
// the way changesets reads them, and what the built page shows.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import readChangesetsOfficial from "@changesets/read";
import { afterAll, describe, expect, it } from "vitest";
import { changelogGuide, demoteHeadings, parseChangeset, readChangelogGuide, readChangesets, ROOT_DIR } from "../scripts/lib/changelog.mjs";
import { decoratedPath } from "./paths.js";

const fixture = mkdtempSync(join(tmpdir(), "docs-changelog-"));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

function write(rel: string, text: string) {
  mkdirSync(join(fixture, rel, ".."), { recursive: true });
  writeFileSync(join(fixture, rel), text);
}

describe("reading the changesets", () => {
  it("agrees with @changesets/read on this repository's pending changesets", async () => {
    const ours = readChangesets();
    const theirs = await readChangesetsOfficial(ROOT_DIR);
    expect(ours.length).toBeGreaterThan(0);
    const norm = (cs: { id: string; releases: { name: string; type: string }[]; summary: string }[]) =>
      cs
        .map((c) => ({ id: c.id, releases: [...c.releases].sort((a, b) => a.name.localeCompare(b.name)), summary: c.summary.trim() }))
        .sort((a, b) => a.id.localeCompare(b.id));
    expect(norm(ours)).toEqual(norm(theirs));
  });

  it("refuses a changeset without front matter or with an unknown bump, naming the file", () => {
    expect(() => parseChangeset("x", "no front matter")).toThrow(/x\.md/);
    expect(() => parseChangeset("y", '---\n"@a/b": huge\n---\n\ntext')).toThrow(/y\.md.*"@a\/b".*huge/);
    expect(parseChangeset("z", "---\n---\n\nSite only.")).toEqual({ id: "z", releases: [], summary: "Site only." });
  });
});

describe("the guide", () => {
  it("lists pending changes by package (the site's last), then each package's releases, nested under its headings", () => {
    write(".changeset/a-feature.md", '---\n"@x/client": minor\n"@x/types": patch\n---\n\nAdds `thing`.\n\n- detail one\n- detail two\n');
    write(".changeset/b-site.md", "---\n---\n\nSite: a new guide.\n");
    write(".changeset/README.md", "# not a changeset\n");
    write("packages/client/package.json", JSON.stringify({ name: "@x/client" }));
    write("packages/client/CHANGELOG.md", "# @x/client\n\n## 1.1.0\n\n### Minor Changes\n\n- abc123: Faster.\n");
    const g = readChangelogGuide(fixture);
    expect(g).toMatchObject({ heading: "Changelog", at: "end" });
    const headings = g.body.match(/^#+ .+$/gm);
    expect(headings).toEqual([
      "### Not yet released",
      "#### `@x/client`",
      "#### `@x/types`",
      "#### The reference site",
      "### Released",
      "#### `@x/client`",
      "##### 1.1.0",
      "###### Minor Changes",
    ]);
    expect(g.body).toContain("- **minor**: Adds `thing`.\n\n  - detail one\n  - detail two");
    expect(g.body).toContain("- **patch**: Adds `thing`.");
    expect(g.body).toContain("- Site: a new guide.");
    expect(g.body).toContain("- abc123: Faster.");
    expect(g.body).not.toMatch(/^## /m); // a "## " line would start a guide of its own
  });

  it("says so when nothing is pending or released", () => {
    const g = changelogGuide({ changesets: [], changelogs: [] });
    expect(g.body).toContain("Nothing is pending.");
    expect(g.body).toContain("No release yet.");
  });

  it("demotes headings outside code fences only, never past h6", () => {
    expect(demoteHeadings("# A\n```\n# not a heading\n```\n## B\n#### C", 5)).toBe(
      "##### A\n```\n# not a heading\n```\n###### B\n###### C",
    );
  });

  it("is what the built page shows, last among the guides, with every pending changeset", () => {
    const decorated = JSON.parse(readFileSync(decoratedPath, "utf8"));
    const tag = decorated.tags.find((t: { name: string }) => t.name === "Changelog");
    expect(tag?.["x-traitTag"]).toBe(true);
    expect(tag.description).toBe(readChangelogGuide().body);
    expect(decorated["x-tagGroups"][0].tags.at(-1)).toBe("Changelog");
    for (const c of readChangesets()) expect(tag.description, c.id).toContain(c.summary.split("\n")[0]);
  });
});
