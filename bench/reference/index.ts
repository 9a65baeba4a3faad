// The stack's own floor: a bare Hono + Yoga + Pothos Worker answering `{ hello }`, built
// with the same defaults as the API and nothing else (no data, no plugins, no limits).
import SchemaBuilder from "@pothos/core";
import { createYoga } from "graphql-yoga";
import { Hono } from "hono";

const builder = new SchemaBuilder({});
builder.queryType({
  fields: (t) => ({ hello: t.string({ resolve: () => "world" }) }),
});

const yoga = createYoga({ schema: builder.toSchema(), graphqlEndpoint: "/graphql", landingPage: false });

const app = new Hono();
app.all("/graphql", (c) => yoga.fetch(c.req.raw));

export default app;
