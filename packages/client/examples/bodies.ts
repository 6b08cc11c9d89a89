import { createComm100Client } from "@comm100-sdk/client";

const comm100 = createComm100Client({ email: "agent@example.com", apiKey: process.env.COMM100_API_KEY! });

// application/x-www-form-urlencoded, lists comma-joined: name=sales&members=1,2,11
const department = await comm100.departments.create({ name: "sales", members: [1, 2, 11] });

// Path parameters come first, then query and body fields in one object:
// PUT /livechat/departments/3 with description=comm100+live+chat+sales&members=2,11
await comm100.departments.update(department.id!, { description: "comm100 live chat sales", members: [2, 11] });

// The one JSON write: the body is the array itself.
await comm100.visitors.updateCustomVariables("7273e957-02cb-4c03-a84c-44283fcfd47d", [
  { name: "user_login", value: "googleplus" },
  { name: "have_sales", value: "no" },
]);
