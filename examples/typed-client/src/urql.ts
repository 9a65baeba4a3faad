// urql sends the same typed document: `data` is a RegionNameQuery, `variables` are checked.
import { Client, fetchExchange } from "@urql/core";
import { RegionNameDocument } from "./gql/graphql";

const url = process.env.API_URL ?? "http://localhost:8787/graphql";
const client = new Client({ url, exchanges: [fetchExchange] });

const { data, error } = await client.query(RegionNameDocument, { code: "SE-BD" }).toPromise();
if (error) throw error;
const region = data?.region;
if (!region) throw new Error("No region SE-BD");
const inhabitants: number = region.population.value;
console.log(`urql: ${region.name}, ${inhabitants} inhabitants (${region.population.year})`);
