// Apollo Client sends the typed document: `data` is a RegionNameQuery, `variables` are checked.
import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { RegionNameDocument } from "./gql/graphql";

const uri = process.env.API_URL ?? "http://localhost:8787/graphql";
const client = new ApolloClient({ link: new HttpLink({ uri }), cache: new InMemoryCache() });

const { data } = await client.query({ query: RegionNameDocument, variables: { code: "SE-BD" } });
const region = data?.region;
if (!region) throw new Error("No region SE-BD");
const inhabitants: number = region.population.value;
console.log(`Apollo Client: ${region.name}, ${inhabitants} inhabitants (${region.population.year})`);
