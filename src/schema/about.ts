import { builder } from "./builder";

builder.queryField("about", (t) =>
  t.string({
    description: "One sentence about what this API serves.",
    resolve: () =>
      "Swedish export promotion: the Government's export prizes, the 21 regions, interviews, people and organizations.",
  }),
);
