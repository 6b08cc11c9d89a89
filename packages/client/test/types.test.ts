// Compile-time checks of the public types (run by `typecheck`; the runtime part is trivial).
import { describe, expect, it } from "vitest";
import { createComm100Client, type Comm100Domain, type Data, type operations } from "../src/index.js";

const comm100 = createComm100Client({ baseUrl: "http://127.0.0.1:9/api/v1", email: "a@b.c", apiKey: "key1" });

async function compileOnly() {
  // path parameters are positional and required
  // @ts-expect-error the email is required
  await comm100.agents.get();
  const agent = await comm100.agents.get("kelly@comm100.com");
  const email: string = agent.email;

  // required query fields make params required
  // @ts-expect-error `group` is required by the chat volume report
  await comm100.reports.getChatVolume({ timeFrom: "2017-12-01T00:00:00", timeTo: "2018-01-01T00:00:00" });
  // @ts-expect-error params are required here
  await comm100.reports.getChatVolume();
  // @ts-expect-error unknown enum value
  await comm100.reports.getChatVolume({ timeFrom: "a", timeTo: "b", group: "fortnight" });

  // list fields are arrays of ids
  // @ts-expect-error members are numbers
  await comm100.departments.create({ name: "sales", members: ["a"] });

  // the JSON body of visitors is the array itself
  await comm100.visitors.updateCustomVariables("id", [{ name: "a", value: "b" }]);
  // @ts-expect-error not an object of fields
  await comm100.visitors.updateCustomVariables("id", { name: "a", value: "b" });

  // pagination yields items
  for await (const chat of comm100.chats.listAll({ date_from: "2013-06-27" })) {
    const id: string | undefined = chat.id;
    void id;
  }
  // request style is typed from the spec
  // @ts-expect-error no such path
  await comm100.GET("/livechat/nothing");
  const { data } = await comm100.GET("/livechat/site_status");
  const same: Data<operations["getSiteStatus"]> | undefined = data;

  // @ts-expect-error not one of the spec's domains
  const d: Comm100Domain = "example.com";
  // @ts-expect-error options are checked
  createComm100Client({ email: "a", apiKey: "b", domain: "example.com" });
  return [email, same, d];
}

describe("types", () => {
  it("compile (see typecheck)", () => {
    expect(typeof compileOnly).toBe("function");
  });
});
