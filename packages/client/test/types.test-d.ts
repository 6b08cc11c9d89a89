// Compile-time checks of the public call signatures: what each style takes and gives, and the
// calls it refuses. Run by vitest's typecheck (`pnpm test`) and by `typecheck`; nothing runs.
import { describe, expectTypeOf, it } from "vitest";
import type { Chat, Comm100Client, Comm100ClientOptions, Comm100Domain, Data, Item, operations } from "../src/index.js";
import { createComm100Client, type DOMAINS } from "../src/index.js";

declare const comm100: Comm100Client;

describe("resource style", () => {
  it("path parameters are positional and required", () => {
    expectTypeOf(comm100.agents.get).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(comm100.agents.get).returns.resolves.toEqualTypeOf<Data<operations["getAgent"]>>();
    expectTypeOf(comm100.agents.get).returns.resolves.toHaveProperty("email").toEqualTypeOf<string>();
    // @ts-expect-error the email is required
    void (() => comm100.agents.get());
  });

  it("required query fields make params required, enums are checked", () => {
    type VolumeParams = Parameters<typeof comm100.reports.getChatVolume>[0];
    expectTypeOf<VolumeParams>().not.toEqualTypeOf<undefined>();
    expectTypeOf<VolumeParams["group"]>().toEqualTypeOf<operations["getChatVolumeReport"]["parameters"]["query"]["group"]>();
    // @ts-expect-error `group` is required by the chat volume report
    void (() => comm100.reports.getChatVolume({ timeFrom: "2017-12-01T00:00:00", timeTo: "2018-01-01T00:00:00" }));
    // @ts-expect-error params are required here
    void (() => comm100.reports.getChatVolume());
    // @ts-expect-error unknown enum value
    void (() => comm100.reports.getChatVolume({ timeFrom: "a", timeTo: "b", group: "fortnight" }));
  });

  it("list fields are arrays of ids", () => {
    expectTypeOf<Parameters<typeof comm100.departments.create>[0]["members"]>().toEqualTypeOf<number[] | undefined>();
    // @ts-expect-error members are numbers
    void (() => comm100.departments.create({ name: "sales", members: ["a"] }));
  });

  it("the JSON body of a raw-body operation is the array itself", () => {
    expectTypeOf(comm100.visitors.updateCustomVariables).parameter(1).toBeArray();
    // @ts-expect-error not an object of fields
    void (() => comm100.visitors.updateCustomVariables("id", { name: "a", value: "b" }));
  });

  it("pagination yields the envelope's items", () => {
    expectTypeOf(comm100.chats.listAll).returns.toEqualTypeOf<AsyncIterableIterator<Item<operations["listChats"], "chats">>>();
    expectTypeOf(comm100.chats.listAll).returns.toEqualTypeOf<AsyncIterableIterator<Chat>>();
    expectTypeOf<Chat["id"]>().toEqualTypeOf<string>();
  });
});

describe("request style", () => {
  it("paths and answers are typed from the spec", () => {
    const siteStatus = () => comm100.GET("/livechat/site_status");
    expectTypeOf(siteStatus).returns.resolves.toHaveProperty("data").toEqualTypeOf<Data<operations["getSiteStatus"]> | undefined>();
    // @ts-expect-error no such path
    void (() => comm100.GET("/livechat/nothing"));
  });
});

describe("options", () => {
  it("the domain is one of the spec's servers", () => {
    expectTypeOf<Comm100Domain>().toEqualTypeOf<(typeof DOMAINS)[number]>();
    expectTypeOf<"hosted.comm100.com">().toExtend<Comm100Domain>();
    expectTypeOf<"example.com">().not.toExtend<Comm100Domain>();
    // optional: email, API key and host can come from COMM100_* variables
    expectTypeOf<Parameters<typeof createComm100Client>[0]>().toEqualTypeOf<Comm100ClientOptions | undefined>();
    // @ts-expect-error options are checked
    void (() => createComm100Client({ email: "a", apiKey: "b", domain: "example.com" }));
  });
});
