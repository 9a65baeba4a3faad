// The examples of README.md and docs/*.md that show an answer, found by one convention:
//
//   a ```graphql block, or a ```sh block holding one `curl … -d '<JSON body>'`, followed
//   directly (nothing but blank lines between) by a ```json response block: the body the API
//   answers to that request.
//
// A ```graphql block is POSTed as `{"query": …}`; a curl's -d body is POSTed as it is, with
// `content-type: application/json` and no Accept (what curl sends), to /graphql under the
// development settings. A ```json block that is not a `json response` after a request is an error.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";

export type DocExample = {
  /** Where the response block is: `docs/http-api.md:57`. */
  where: string;
  /** The JSON body to POST. */
  body: string;
  /** The response block's text. */
  response: string;
};

/** README.md and every docs/*.md, relative to `root`. */
export function documentationFiles(root: string): string[] {
  const docs = readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md"));
  return ["README.md", ...docs.sort().map((f) => `docs/${f}`)];
}

/** Every example of `file` that shows a response; throws on a response block without a request. */
export function examplesOf(root: string, file: string): DocExample[] {
  const tokens = new MarkdownIt().parse(readFileSync(join(root, file), "utf8"), {});
  const blocks = tokens.filter((t) => t.level === 0 || t.type === "fence");
  const examples: DocExample[] = [];
  blocks.forEach((token, i) => {
    if (token.type !== "fence" || !token.info.trim().startsWith("json")) return;
    const where = `${file}:${(token.map?.[0] ?? 0) + 1}`;
    if (token.info.trim() !== "json response") throw new Error(`${where}: a json block that is not \`json response\``);
    const request = blocks[i - 1];
    const body = request?.type === "fence" ? requestBody(request.info.trim(), request.content) : null;
    if (!body) throw new Error(`${where}: a response block must follow a graphql block or a curl`);
    examples.push({ where, body, response: token.content });
  });
  return examples;
}

function requestBody(info: string, content: string): string | null {
  if (info === "graphql") return JSON.stringify({ query: content });
  if (info !== "sh") return null;
  const curls = content.replace(/\\\n/g, " ").match(/^curl .*$/gm) ?? [];
  if (curls.length !== 1) return null;
  return /\s-d '([^']*)'/.exec(curls[0]!)?.[1] ?? null;
}
