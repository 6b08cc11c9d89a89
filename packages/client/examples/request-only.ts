import { Comm100NotFoundError, createComm100RequestClient } from "@comm100-sdk/client/request";

// The request style alone: the same options, GET/POST/PUT/DELETE, use/eject and quota; no resource methods.
const comm100 = createComm100RequestClient({ email: "agent@example.com", apiKey: process.env.COMM100_API_KEY!, throwOnError: true });

try {
  const { data } = await comm100.GET("/livechat/operators/{email}", { params: { path: { email: "kelly@comm100.com" } } });
  console.log(data?.display_name);
} catch (e) {
  if (e instanceof Comm100NotFoundError) console.log("no such agent");
  else throw e;
}
