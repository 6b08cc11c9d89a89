// Compile-time checks (run by `typecheck`) of the named types: the model types, the
// per-method types in `Comm100.*`, and optional params that take `undefined`.
import { describe, expectTypeOf, it } from "vitest";
import type { Agent, Chat, Comm100, Comm100Client, Department, ErrorBody, components } from "../src/index.js";
import { parseComm100Date } from "../src/index.js";

declare const comm100: Comm100Client;

describe("named types", () => {
  it("model types are the spec's schemas", () => {
    expectTypeOf<Chat>().toEqualTypeOf<components["schemas"]["Chat"]>();
    expectTypeOf<Agent>().toEqualTypeOf<components["schemas"]["Agent"]>();
    expectTypeOf<ErrorBody>().toEqualTypeOf<components["schemas"]["Error"]>();
    expectTypeOf<Department["id"]>().toBeNumber();
  });

  it("Comm100.<Namespace>.<Method>Params/Response/Item name what a method takes and gives", () => {
    expectTypeOf(comm100.chats.list).parameter(0).toEqualTypeOf<Comm100.Chats.ListParams | undefined>();
    expectTypeOf(comm100.chats.list).returns.resolves.toEqualTypeOf<Comm100.Chats.ListResponse>();
    expectTypeOf<Comm100.Chats.ListItem>().toEqualTypeOf<Chat>();
    expectTypeOf<Comm100.Departments.CreateParams["members"]>().toEqualTypeOf<number[] | undefined>();
    expectTypeOf<Comm100.Visitors.UpdateCustomVariablesBody>().toBeArray();
  });

  it("report filters take ids as numbers or strings", () => {
    expectTypeOf<Comm100.Reports.GetChatVolumeParams["filterValue"]>().toEqualTypeOf<string | number | undefined>();
  });

  it("optional params take undefined; required ones do not", () => {
    const dateTo: string | undefined = undefined;
    expectTypeOf({ date_to: dateTo }).toMatchTypeOf<Comm100.Chats.ListParams>();
    // @ts-expect-error `group` is required by the chat volume report
    const p: Comm100.Reports.GetChatVolumeParams = { timeFrom: "2026-11-01T00:00:00", timeTo: "2026-12-01T00:00:00", group: undefined };
    void p;
  });

  it("parseComm100Date keeps optional fields optional", () => {
    const chat = {} as Chat;
    expectTypeOf(parseComm100Date(chat.start_time)).toEqualTypeOf<Date | undefined>();
    expectTypeOf(parseComm100Date("/Date(1)/")).toEqualTypeOf<Date>();
  });
});
