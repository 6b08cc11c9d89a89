// Compile-time checks of the `dates` mode: with `dates: "date"` the date fields of the answers are
// typed `Date` (both styles, the iterators, the named models); without it nothing changes.
import { describe, expectTypeOf, it } from "vitest";
import type { Chat, Comm100, Comm100Client, Comm100Dates, OfflineMessage, Visitor, components } from "../src/index.js";
import { createComm100Client, createComm100RequestClient } from "../src/index.js";

const dated = createComm100Client({ dates: "date" });
const plain = createComm100Client();

describe('dates: "date" types', () => {
  it("the option picks the mode: no option is the string mode", () => {
    expectTypeOf(dated).toEqualTypeOf<Comm100Client<"date">>();
    expectTypeOf(plain).toEqualTypeOf<Comm100Client>();
    expectTypeOf(createComm100Client({ dates: "string" })).toEqualTypeOf<Comm100Client<"string">>();
    // @ts-expect-error only "string" and "date"
    void (() => createComm100Client({ dates: "iso" }));
  });

  it("resource answers: date fields are Date, optional ones stay optional, the rest is unchanged", async () => {
    const list = await dated.chats.list();
    type C = NonNullable<typeof list.chats>[number];
    expectTypeOf<C["start_time"]>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<NonNullable<C["wrap_up"]>["time"]>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<C["id"]>().toEqualTypeOf<components["schemas"]["Chat"]["id"]>();
    expectTypeOf<C>().toEqualTypeOf<Chat<"date">>();
    const v = await dated.visitors.get("v1");
    expectTypeOf(v).toEqualTypeOf<Visitor<"date">>();
    expectTypeOf<Visitor<"date">["visit_time"]>().toEqualTypeOf<Date | undefined>();
    expectTypeOf(await dated.visitors.list()).toEqualTypeOf<Visitor<"date">[]>();
    expectTypeOf(await dated.agents.list()).toEqualTypeOf(await plain.agents.list());
  });

  it("the string mode keeps the spec's types", async () => {
    expectTypeOf(await plain.chats.get("c1")).toEqualTypeOf<components["schemas"]["Chat"]>();
    expectTypeOf<Chat>().toEqualTypeOf<components["schemas"]["Chat"]>();
    expectTypeOf<Chat["start_time"]>().toEqualTypeOf<string | undefined>();
  });

  it("iterators, pages and .withResponse() follow the mode", async () => {
    for await (const m of dated.offlineMessages.listAll()) expectTypeOf(m).toEqualTypeOf<OfflineMessage<"date">>();
    for await (const p of dated.chats.listPages()) expectTypeOf(p.items).toEqualTypeOf<Chat<"date">[]>();
    const { data } = await dated.chats.get("c1").withResponse();
    expectTypeOf(data.end_time).toEqualTypeOf<Date | undefined>();
  });

  it("the request style follows the mode", async () => {
    const rc = createComm100RequestClient({ dates: "date" });
    const { data } = await rc.GET("/livechat/chats/{id}", { params: { path: { id: "c1" } } });
    expectTypeOf(data).toEqualTypeOf<Chat<"date"> | undefined>();
    const both = await dated.GET("/livechat/visitors/{id}", { params: { path: { id: "v1" } } });
    expectTypeOf(both.data?.first_visit_time).toEqualTypeOf<Date | undefined>();
    const p = await plain.GET("/livechat/chats/{id}", { params: { path: { id: "c1" } } });
    expectTypeOf(p.data?.start_time).toEqualTypeOf<string | undefined>();
  });

  it("a mode known only at run time gives string | Date", async () => {
    const mode = "date" as Comm100Dates;
    const c = createComm100Client({ dates: mode });
    expectTypeOf((await c.chats.get("c1")).start_time).toEqualTypeOf<string | Date | undefined>();
  });

  it("the per-method names take the mode", () => {
    expectTypeOf<Comm100.Chats.ListItem<"date">>().toEqualTypeOf<Chat<"date">>();
    expectTypeOf<Comm100.Chats.ListItem>().toEqualTypeOf<Chat>();
    expectTypeOf<Comm100.Chats.GetResponse<"date">>().toEqualTypeOf<Chat<"date">>();
  });
});
